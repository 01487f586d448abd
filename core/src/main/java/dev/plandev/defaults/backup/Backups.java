package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backups of one configured store, in its {@code backup.dir}: take, list, verify, restore.
 *
 * <pre>{@code
 * Backups backups = Backups.of(config, Clock.systemUTC());
 * Manifest m = backups.full(BackupProgress.NONE);
 * backups.verify(m.id());
 * Restored r = backups.restore(m.id(), restored, false, BackupProgress.NONE);
 * System.out.println(r.checks()); // [integrity check: ok, row counts: {...}, resolves: ...]
 * }</pre>
 */
public final class Backups {
  private final PlandevConfig config;
  private final Clock clock;
  private final BackupCatalog catalog;
  // The last verification of each backup: a backup's folder never changes once taken, so its
  // outcome is kept beside the backups, where a restarted service and the CLI find it.
  private final VerificationRecord verifications;

  private Backups(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.catalog = new BackupCatalog(config.backupPath().toAbsolutePath());
    this.verifications = new VerificationRecord(catalog.dir());
  }

  /** The backups of the store {@code config} describes. */
  public static Backups of(PlandevConfig config, Clock clock) {
    return new Backups(Objects.requireNonNull(config, "config"), Objects.requireNonNull(clock));
  }

  /**
   * The same backups, whose PostgreSQL restores go into {@code schema} rather than this
   * configuration's: how a running service restores beside the schema it serves, which its own lock
   * keeps it from replacing.
   *
   * @throws RestoreRefusedException when the store is not on PostgreSQL
   */
  public Backups intoSchema(String schema) {
    PostgresSettings pg = config.postgres();
    if (!pg.enabled()) {
      throw new RestoreRefusedException(
          "this store is on SQLite, not PostgreSQL: a restore goes into a data directory, not a"
              + " schema");
    }
    return new Backups(
        config.withPostgres(
            new PostgresSettings(true, pg.url(), pg.user(), pg.password(), schema, pg.poolSize())),
        clock);
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
    if (config.postgres().enabled()) {
      return new PostgresBackup(config, clock).take(catalog, progress);
    }
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
    checked(b);
    return b;
  }

  /** Verifies every complete backup; the problem of each damaged one, empty when all are good. */
  public List<String> verifyAll() {
    List<String> problems = new ArrayList<>();
    for (BackupInfo b : list()) {
      if (b.complete()) {
        try {
          checked(b);
        } catch (DamagedBackupException e) {
          problems.add(e.getMessage());
        }
      }
    }
    return problems;
  }

  /** Verifies {@code b} and records the outcome. */
  private void checked(BackupInfo b) {
    try {
      BackupCatalog.verify(b);
      remember(new Verification(b.id(), clock.instant(), null));
    } catch (DamagedBackupException e) {
      remember(new Verification(b.id(), clock.instant(), e.getMessage()));
      throw e;
    }
  }

  private void remember(Verification v) {
    verifications.record(v, list().stream().map(BackupInfo::id).toList());
  }

  /**
   * The outcome of the last verification of backup {@code id} ({@link #verify} or {@link
   * #verifyAll}, by any process and kept across restarts), empty when it was never verified.
   */
  public Optional<Verification> lastVerification(String id) {
    return verifications.of(id);
  }

  /**
   * The last verification of each complete backup that was verified, oldest backup first: the
   * backups as they were last found, good or damaged.
   */
  public List<Verification> lastVerifications() {
    Map<String, Verification> all = verifications.all();
    return list().stream()
        .filter(BackupInfo::complete)
        .map(b -> all.get(b.id()))
        .filter(Objects::nonNull)
        .toList();
  }

  /**
   * Applies retention: deletes full backups older than {@code backup.fullRetention} (never the
   * newest, nor one whose incrementals are kept), incrementals once the full backup that follows
   * them is older than {@code backup.incrementalRetention} (so that every moment since then stays
   * restorable), and folders of backups interrupted more than a day ago.
   *
   * @return the ids of the folders deleted
   */
  public List<String> prune() {
    return new Retention(config.backup(), clock.instant()).prune(list());
  }

  /** The newest complete backup of this store (a backup of the other kind is not followed). */
  public Optional<BackupInfo> newest() {
    return ofThisStore().reduce((a, b) -> b);
  }

  /** The complete backups of this kind of store ("sqlite" or "postgresql"), oldest first. */
  private Stream<BackupInfo> ofThisStore() {
    String store = config.postgres().enabled() ? "postgresql" : "sqlite";
    return list().stream().filter(b -> b.complete() && store.equals(b.manifest().store()));
  }

  /**
   * Restores backup {@code id} into the data directory {@code target}; a backup of a PostgreSQL
   * store goes into the schema of this configuration, and only its model files into {@code target}.
   *
   * @param force replace the store already in {@code target} (never while a service uses it)
   * @throws RestoreRefusedException when a check before restoring fails; nothing was written
   * @throws DamagedBackupException when a file of the backup does not match its manifest
   * @throws BackupException when the restored store fails its checks
   */
  public Restored restore(String id, Path target, boolean force, BackupProgress progress) {
    BackupInfo b = catalog.find(id);
    if (!b.manifest().full()) {
      return restoreAt(b.manifest().toInstant(), target, force, progress);
    }
    if ("postgresql".equals(b.manifest().store())) {
      return new PostgresRestore(clock)
          .restore(b, List.of(), null, config, target.toAbsolutePath(), force, progress);
    }
    return new Restore(config, clock)
        .run(b, List.of(), null, target.toAbsolutePath(), force, progress);
  }

  /**
   * Takes an incremental backup: the changes and usage events since the newest backup.
   *
   * @throws BackupException when there is no backup to follow yet, or the backup failed
   */
  public Manifest incremental(BackupProgress progress) {
    return new IncrementalBackup(config, clock).take(catalog, progress);
  }

  /**
   * Restores the store as it was at {@code at}: the newest full backup of this store's kind that
   * shows a moment at or before it, and the rows of the incrementals that follow it written up to
   * {@code at}; into {@code target}, or on PostgreSQL into the schema of this configuration (the
   * full backup's model files into {@code target}).
   *
   * @throws RestoreRefusedException when no chain of backups covers {@code at}, or a check fails
   */
  public Restored restoreAt(Instant at, Path target, boolean force, BackupProgress progress) {
    List<BackupInfo> chain = PointInTime.chain(ofThisStore().toList(), at, catalog.dir());
    if (config.postgres().enabled()) {
      return new PostgresRestore(clock)
          .restore(
              chain.get(0),
              chain.subList(1, chain.size()),
              at,
              config,
              target.toAbsolutePath(),
              force,
              progress);
    }
    return new Restore(config, clock)
        .run(
            chain.get(0),
            chain.subList(1, chain.size()),
            at,
            target.toAbsolutePath(),
            force,
            progress);
  }
}
