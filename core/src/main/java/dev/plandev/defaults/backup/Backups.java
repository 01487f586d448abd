package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Backups of one configured store, in its {@code backup.dir}: take, list, verify, restore.
 *
 * <pre>{@code
 * Backups backups = Backups.of(config, Clock.systemUTC());
 * Manifest m = backups.full(BackupProgress.NONE);
 * backups.verify(m.id());
 * backups.restore(m.id(), Path.of("/srv/plandev-restored"), false, BackupProgress.NONE);
 * }</pre>
 */
public final class Backups {
  private final PlandevConfig config;
  private final Clock clock;
  private final BackupCatalog catalog;

  private Backups(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.catalog = new BackupCatalog(config.backupPath().toAbsolutePath());
  }

  /** The backups of the store {@code config} describes. */
  public static Backups of(PlandevConfig config, Clock clock) {
    return new Backups(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock));
  }

  /** The backup directory. */
  public Path dir() {
    return catalog.dir();
  }

  /**
   * Takes a full backup while the store may keep serving and writing.
   *
   * @throws BackupException saying why; nothing of a failed backup is kept
   */
  public Manifest full(BackupProgress progress) {
    return new FullBackup(config, clock).take(catalog, progress);
  }

  /** Every folder of the backup directory: complete backups oldest first, then incomplete ones. */
  public List<BackupInfo> list() {
    return catalog.list();
  }

  /**
   * Checks every file of backup {@code id} against its manifest.
   *
   * @throws DamagedBackupException naming the file that does not match
   * @throws BackupException when there is no complete backup by that id
   */
  public BackupInfo verify(String id) {
    BackupInfo b = catalog.find(id);
    BackupCatalog.verify(b);
    return b;
  }

  /** Verifies every complete backup; the problem of each damaged one, empty when all are good. */
  public List<String> verifyAll() {
    List<String> problems = new ArrayList<>();
    for (BackupInfo b : list()) {
      if (b.complete()) {
        try {
          BackupCatalog.verify(b);
        } catch (DamagedBackupException e) {
          problems.add(e.getMessage());
        }
      }
    }
    return problems;
  }

  /**
   * Applies {@code backup.fullRetention}: deletes complete backups older than it (by the moment
   * they show), always keeping the newest one, and folders of backups interrupted more than a day
   * ago.
   *
   * @return the ids of the folders deleted
   */
  public List<String> prune() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(config.backup().fullRetention());
    List<BackupInfo> all = list();
    BackupInfo newest = all.stream().filter(BackupInfo::complete).reduce((a, b) -> b).orElse(null);
    List<String> deleted = new ArrayList<>();
    for (BackupInfo b : all) {
      boolean expired =
          b.complete()
              ? b != newest && b.manifest().toInstant().isBefore(cutoff)
              : modifiedBefore(b, now.minus(Duration.ofDays(1)));
      if (expired) {
        BackupCatalog.deleteQuietly(b.folder());
        deleted.add(b.id());
      }
    }
    return deleted;
  }

  private static boolean modifiedBefore(BackupInfo b, Instant t) {
    try {
      return Files.getLastModifiedTime(b.folder()).toInstant().isBefore(t);
    } catch (IOException e) {
      return false;
    }
  }

  /** The newest complete backup, if any. */
  public Optional<BackupInfo> newest() {
    return list().stream().filter(BackupInfo::complete).reduce((a, b) -> b);
  }

  /**
   * Restores backup {@code id} into the data directory {@code target}.
   *
   * @param force replace the store already in {@code target} (never while a service uses it)
   * @throws RestoreRefusedException when a check before restoring fails; nothing was written
   * @throws DamagedBackupException when a file of the backup does not match its manifest
   * @throws BackupException when the restored store fails its checks
   */
  public Restored restore(String id, Path target, boolean force, BackupProgress progress) {
    return new Restore(config, clock)
        .run(catalog.find(id), target.toAbsolutePath(), force, progress);
  }
}
