package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a full backup of a SQLite store: a snapshot by {@code VACUUM INTO} while the store keeps
 * serving and writing, the model files (see {@link ModelFiles}), each compressed with zstd, and the
 * manifest.
 *
 * <p>Everything is written into {@code <id>.partial/} and that folder is renamed to {@code <id>/}
 * only once the manifest is on disk: a backup killed or failing at any point leaves no folder that
 * {@link BackupCatalog} takes for a backup, and the store is only ever read.
 */
final class FullBackup {
  /** The name of the database in a backup, and what it restores to. */
  static final String DATABASE = "defaults.db";

  private final PlandevConfig config;
  private final Clock clock;

  FullBackup(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  Manifest take(BackupCatalog catalog, BackupProgress progress) {
    String id = catalog.newId("full", clock.instant());
    return catalog.take(
        id,
        config,
        progress,
        partial -> {
          List<Manifest.FileEntry> files = new ArrayList<>();
          Path plain = partial.resolve(DATABASE);
          // Before the snapshot: the model then never claims events the snapshot lacks.
          progress.step("copy of the model files");
          ModelFiles.Copy model =
              ModelFiles.copy(
                  config.resolve(config.ml().modelPath()), partial.resolve(ModelFiles.FOLDER));
          progress.step("snapshot of the database");
          new SqliteFile(config.resolve(config.sqlite().path()).toAbsolutePath()).snapshotTo(plain);
          // Read after the snapshot: every row in it was written before this moment.
          Instant to = clock.instant();
          SqliteFile snapshot = new SqliteFile(plain);
          // The rows since the backup before, from the snapshot itself: they link this backup to
          // that one's chain, so that a point-in-time restore can reach any moment up to this one.
          Manifest base = catalog.newest("sqlite");
          LogExport log = base == null ? null : LogExport.read(snapshot, base);
          var rows = snapshot.rowCounts();
          var lastIds = snapshot.lastIds();
          Instant from = snapshot.oldestChange();
          int schema = snapshot.schemaVersion();
          List<String> keyIds = snapshot.keyIds();
          if (log != null) {
            files.addAll(log.write(partial, config.backup().zstdLevel()));
          }
          progress.step("sample of resolves");
          List<Manifest.SampleResolve> sample =
              SnapshotStore.resolve(
                  SnapshotStore.at(config, plain, config),
                  to,
                  snapshot.sampleKeys(SnapshotStore.SAMPLE_SIZE));
          deleteSideFiles(plain);
          int level = config.backup().zstdLevel();
          progress.step("compression of the database");
          files.add(
              0,
              Compressed.write(
                  plain, partial.resolve(DATABASE + ".zst"), level, DATABASE + ".zst", DATABASE));
          Files.delete(plain);
          progress.step("compression of the model files");
          files.addAll(
              ModelFiles.compress(
                  model, partial, level, lastIds.getOrDefault("usage_events", 0L), progress));
          Manifest m =
              new Manifest(
                  1,
                  id,
                  "full",
                  "sqlite",
                  base == null ? null : base.id(),
                  from == null ? null : from.toString(),
                  to.toString(),
                  clock.instant().toString(),
                  schema,
                  rows,
                  lastIds,
                  files,
                  keyIds,
                  level,
                  sample);
          return m;
        });
  }

  /** The files the store leaves beside a database it opened: they are not part of the copy. */
  static void deleteSideFiles(Path db) throws IOException {
    for (String suffix : new String[] {"-wal", "-shm", "-journal", ".highwater"}) {
      Files.deleteIfExists(db.resolveSibling(db.getFileName() + suffix));
    }
  }

  /** {@code e} as the failure of a backup, which kept nothing and left the store alone. */
  static BackupException failure(PlandevConfig config, Exception e) {
    String text = String.valueOf(e.getMessage());
    if (DiskSpace.isFull(e)) {
      return new BackupException(
          "backup failed: the disk of the backup directory "
              + config.backupPath()
              + " is full ("
              + text
              + "). Nothing was kept of this backup and the store was not touched; free space there"
              + " or set backup.dir to a larger disk",
          e);
    }
    if (e instanceof BackupException b) {
      return b;
    }
    return new BackupException(
        "backup failed: "
            + text
            + ". Nothing was kept of this backup and the store was not touched; check that "
            + config.backupPath()
            + " is writable",
        e);
  }
}
