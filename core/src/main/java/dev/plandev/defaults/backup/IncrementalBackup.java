package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Takes an incremental backup: the rows of the audit trail and of the usage events written since
 * the newest backup (past its last ids), read in one transaction while the store keeps writing.
 * With the full backup it follows, directly or through earlier incrementals, it rebuilds the store
 * at any moment up to its own.
 *
 * <p>Like a full backup it is written into {@code <id>.partial/} and renamed once its manifest is
 * on disk.
 */
final class IncrementalBackup {
  private final PlandevConfig config;
  private final Clock clock;

  IncrementalBackup(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  Manifest take(BackupCatalog catalog, BackupProgress progress) {
    FullBackup.refusePostgres(config);
    Manifest base =
        catalog.list().stream()
            .filter(BackupInfo::complete)
            .map(BackupInfo::manifest)
            .reduce((a, b) -> b)
            .orElseThrow(
                () ->
                    new BackupException(
                        "an incremental backup follows an earlier backup, and "
                            + catalog.dir()
                            + " holds none: take a full backup first (plandev backup full)"));
    String id = catalog.newId("incremental", clock.instant());
    return catalog.take(
        id,
        config,
        progress,
        partial -> {
          SqliteFile live = new SqliteFile(config.resolve(config.sqlite().path()).toAbsolutePath());
          progress.step("changes since " + base.id());
          LogExport log = LogExport.read(live, base);
          // Read after the rows: every row read was written before this moment.
          Instant to = clock.instant();
          int level = config.backup().zstdLevel();
          progress.step(
              "compression of " + log.changes() + " changes and " + log.usageEvents() + " events");
          List<Manifest.FileEntry> files = log.write(partial, level);
          TreeSet<String> keyIds = new TreeSet<>();
          log.keyIds(keyIds);
          Map<String, Long> rows = new LinkedHashMap<>();
          rows.put("changes", (long) log.changes());
          rows.put("usage_events", (long) log.usageEvents());
          Map<String, Long> lastIds = new LinkedHashMap<>();
          lastIds.put("changes", log.lastChangeId());
          lastIds.put("usage_events", log.lastUsageId());
          Manifest m =
              new Manifest(
                  1,
                  id,
                  "incremental",
                  "sqlite",
                  base.id(),
                  base.to(),
                  to.toString(),
                  clock.instant().toString(),
                  live.schemaVersion(),
                  rows,
                  lastIds,
                  files,
                  List.copyOf(keyIds),
                  level,
                  List.of());
          return m;
        });
  }
}
