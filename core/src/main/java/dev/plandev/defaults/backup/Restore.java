package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.SecuritySettings;
import dev.plandev.defaults.security.SecretCipher;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import dev.plandev.defaults.store.UnfinishedRestore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Restores a full backup into a data directory.
 *
 * <p>Before anything is written: the backup's checksums, the schema version, a service using the
 * target, a store already there (replaced only when forced), permissions, free space and the keys
 * its secrets need. Then the files are decompressed into a staging folder inside the target and
 * checked there (integrity check, row counts, the manifest's sample of resolves, which also proves
 * the key decrypts its secrets); only then do they replace the target's, whose old files are kept
 * aside in {@code replaced-<time>/}. The target carries {@link UnfinishedRestore}'s mark from the
 * first write to the last, so a restore stopped half-way leaves a store that refuses to open.
 */
final class Restore {
  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final PlandevConfig config;
  private final Clock clock;

  Restore(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /**
   * Restores the full {@code backup}, then, when {@code increments} (the chain of incremental
   * backups that follows it) is not empty, replays them up to {@code at}.
   */
  Restored run(
      BackupInfo backup,
      List<BackupInfo> increments,
      Instant at,
      Path target,
      boolean force,
      BackupProgress progress) {
    Manifest m = backup.manifest();
    PlandevConfig targetConfig = config.withDataDir(target.toString());
    Path db = targetConfig.resolve(Path.of(config.sqlite().path()).getFileName().toString());
    Path modelDir = targetConfig.resolve(config.ml().modelPath());
    progress.step("checks before restoring");
    preChecks(m, target, targetConfig, db, force);
    for (BackupInfo i : increments) {
      checkSchema(i.manifest());
      checkKeys(i.manifest(), targetConfig);
    }
    progress.step("verification of the backup's checksums");
    BackupCatalog.verify(backup);
    increments.forEach(BackupCatalog::verify);
    Path staging = target.resolve(".restore-" + m.id());
    boolean swapping = false;
    try {
      UnfinishedRestore.mark(db, m.id());
      BackupCatalog.deleteQuietly(staging);
      Files.createDirectories(staging.resolve(ModelFiles.FOLDER));
      for (Manifest.FileEntry f : m.files()) {
        if (f.restoresTo().isEmpty()) {
          continue; // the rows linking it to the backup before: for point-in-time restores only
        }
        progress.step("decompression of " + f.name());
        BackupCatalog.decompress(backup, f, staging.resolve(f.restoresTo()));
      }
      progress.step("checks of the restored store");
      Path stagedDb = staging.resolve(FullBackup.DATABASE);
      List<String> checks = new ArrayList<>(postChecks(m, stagedDb, targetConfig));
      if (!increments.isEmpty()) {
        PlandevConfig staged = SnapshotStore.at(config, stagedDb, targetConfig);
        checks.addAll(Replay.apply(increments, at, staged, m.rows(), progress));
        FullBackup.deleteSideFiles(stagedDb);
      }
      // The full backup's model, never newer than the moment restored (at or after the backup):
      // the engine learns the replayed events on start, after the model's last one.
      checks.add(ModelFiles.keepIfConsistent(staging.resolve(ModelFiles.FOLDER), m));
      progress.step("replacement of the store's files");
      swapping = true;
      swap(staging, db, modelDir);
      UnfinishedRestore.clear(db);
      BackupCatalog.deleteQuietly(staging);
      return new Restored(m, target, checks);
    } catch (IOException | SQLException | RuntimeException e) {
      if (!swapping) {
        // Nothing of the target was replaced yet: it is as it was, usable.
        BackupCatalog.deleteQuietly(staging);
        clearQuietly(db);
      }
      if (e instanceof BackupException b) {
        throw b;
      }
      throw new BackupException(
          "restore of "
              + m.id()
              + " into "
              + target
              + " failed: "
              + e.getMessage()
              + (swapping
                  ? ". The store there is marked unusable; run the restore again"
                  : ". The store there was not changed"),
          e);
    }
  }

  private void preChecks(
      Manifest m, Path target, PlandevConfig targetConfig, Path db, boolean force) {
    checkSchema(m);
    checkStore(m, target, db, force);
    checkTarget(m, target);
    checkKeys(m, targetConfig);
  }

  private static void checkSchema(Manifest m) {
    checkVersion(m);
    if (!"sqlite".equals(m.store())) {
      throw new RestoreRefusedException(
          "backup "
              + m.id()
              + " is of a "
              + m.store()
              + " store; this plandev restores SQLite only");
    }
  }

  /** Refuses a backup of a newer schema than this build knows. */
  static void checkVersion(Manifest m) {
    if (m.schemaVersion() > JdbcDefaultsStore.SCHEMA_VERSION) {
      throw new RestoreRefusedException(
          "backup "
              + m.id()
              + " has schema version "
              + m.schemaVersion()
              + " but this plandev knows versions up to "
              + JdbcDefaultsStore.SCHEMA_VERSION
              + "; restore it with the plandev that took it, or a newer one");
    }
  }

  private static void checkStore(Manifest m, Path target, Path db, boolean force) {
    boolean hasStore = Files.exists(db) || Files.exists(UnfinishedRestore.markOf(db));
    if (hasStore && !force) {
      throw new RestoreRefusedException(
          target
              + " already holds a store ("
              + db.getFileName()
              + "); restore into a new directory with --to DIR, or add --force to replace it (its"
              + " current files are kept in "
              + target.resolve("replaced-<time>")
              + ")");
    }
    if (ServiceLock.inUse(target)) {
      throw ServiceLock.refusal(target, "stop it before restoring over its store");
    }
  }

  private static void checkTarget(Manifest m, Path target) {
    try {
      Files.createDirectories(target);
      Path probe = Files.createTempFile(target, ".restore-probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new RestoreRefusedException(
          "cannot write in " + target + " (" + e.getMessage() + "); choose a writable --to DIR");
    }
    try {
      DiskSpace space = DiskSpace.of(target);
      // The staging copy, and the SQLite files the checks open beside it.
      long needed = m.plainBytes() + m.plainBytes() / 10 + (1 << 20);
      if (space.free() < needed) {
        throw new RestoreRefusedException(
            "not enough free space in "
                + target
                + ": the restore needs "
                + needed
                + " bytes and "
                + space.free()
                + " are free; free some space or restore elsewhere with --to DIR");
      }
    } catch (IOException e) {
      throw new RestoreRefusedException(
          "cannot tell the free space of " + target + ": " + e.getMessage());
    }
  }

  static void checkKeys(Manifest m, PlandevConfig targetConfig) {
    if (m.keyIds().isEmpty()) {
      return;
    }
    SecuritySettings s = targetConfig.security();
    SecretCipher cipher = new SecretCipher(s.encryptionKey(), targetConfig.resolve(s.keyFile()));
    List<String> have = cipher.keyIds();
    List<String> missing = m.keyIds().stream().filter(id -> !have.contains(id)).toList();
    if (!missing.isEmpty()) {
      String where =
          s.encryptionKey().isBlank()
              ? "the key file "
                  + cipher.keyFile()
                  + (have.isEmpty()
                      ? " (missing)"
                      : " (it holds key " + String.join(", ", have) + ")")
              : "security.encryptionKey";
      throw new RestoreRefusedException(
          "backup "
              + m.id()
              + " holds secrets encrypted with key "
              + String.join(", ", missing)
              + ", which is not in "
              + where
              + ". Backups never carry the key: put the key file that was in use when the backup"
              + " was taken at "
              + cipher.keyFile()
              + " (or set security.encryptionKey), then restore again");
    }
  }

  private List<String> postChecks(Manifest m, Path db, PlandevConfig targetConfig)
      throws SQLException, IOException {
    List<String> checks = new ArrayList<>();
    SqliteFile file = new SqliteFile(db);
    String integrity = file.integrityCheck();
    if (!"ok".equals(integrity)) {
      throw new BackupException(
          "the restored database of " + m.id() + " fails its integrity check: " + integrity);
    }
    checks.add("integrity check: ok");
    Map<String, Long> rows = file.rowCounts();
    if (!rows.equals(m.rows())) {
      throw new BackupException(
          "the restored database of "
              + m.id()
              + " holds rows "
              + rows
              + ", its manifest says "
              + m.rows());
    }
    checks.add("row counts: " + rows);
    List<String[]> keys =
        m.sample().stream().map(s -> new String[] {s.key(), s.context()}).toList();
    List<Manifest.SampleResolve> again =
        SnapshotStore.resolve(SnapshotStore.at(config, db, targetConfig), m.toInstant(), keys);
    FullBackup.deleteSideFiles(db);
    if (!again.equals(m.sample())) {
      throw new BackupException(
          "the restored store of " + m.id() + " resolves differently from the backup's record");
    }
    checks.add("resolves: " + again.size() + " of " + m.sample().size() + " as recorded");
    return checks;
  }

  /** Moves the target's current files aside and the staged ones into place. */
  private void swap(Path staging, Path db, Path modelDir) throws IOException {
    Path aside = db.resolveSibling("replaced-" + STAMP.format(clock.instant()));
    for (String suffix : new String[] {"", "-wal", "-shm", "-journal", ".highwater"}) {
      Path old = db.resolveSibling(db.getFileName() + suffix);
      if (Files.exists(old)) {
        Files.createDirectories(aside);
        Files.move(old, aside.resolve(old.getFileName()));
      }
    }
    Files.move(staging.resolve(FullBackup.DATABASE), db, StandardCopyOption.ATOMIC_MOVE);
    // The model replaced may have learned events past the restored moment: it is never kept.
    ModelFiles.swap(staging.resolve(ModelFiles.FOLDER), modelDir, aside);
    Compressed.force(db);
  }

  private static void clearQuietly(Path db) {
    try {
      UnfinishedRestore.clear(db);
    } catch (IOException e) {
      // the mark stays: the store refuses to open, which is safe, and says how to go on
    }
  }
}
