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
 * the newest backup of the same store (past its last ids), read in one transaction while the store
 * keeps writing: SQLite's read transaction, PostgreSQL's repeatable-read one. With the full backup
 * it follows, directly or through earlier incrementals, it rebuilds the store at any moment up to
 * its own.
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
    boolean postgres = config.postgres().enabled();
    String store = postgres ? "postgresql" : "sqlite";
    Manifest base = catalog.newest(store);
    if (base == null) {
      throw new NoBaseBackupException(
          "an incremental backup follows an earlier backup of the same store, and "
              + catalog.dir()
              + " holds none of this "
              + (postgres ? "PostgreSQL" : "SQLite")
              + " store: take a full backup first (plandev backup full)");
    }
    String id = catalog.newId("incremental", clock.instant());
    return catalog.take(
        id,
        config,
        progress,
        partial -> {
          progress.step("changes since " + base.id());
          LogExport log;
          int schema;
          if (postgres) {
            PostgresBackup pg = new PostgresBackup(config, clock);
            log = pg.readLog(base);
            schema = pg.schemaVersion();
          } else {
            SqliteFile live =
                new SqliteFile(config.resolve(config.sqlite().path()).toAbsolutePath());
            log = LogExport.read(live, base);
            schema = live.schemaVersion();
          }
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
                  store,
                  base.id(),
                  base.to(),
                  to.toString(),
                  clock.instant().toString(),
                  schema,
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
