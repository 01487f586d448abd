package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.ValueType;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full backups of a real SQLite store: taken while it is written, verified, restored with their
 * checks, and refused or failed with a message that names what is wrong.
 */
class FullBackupTest {
  private static final Actor ACTOR = Actor.of("test");

  @TempDir Path dir;

  private PlandevConfig config() {
    return PlandevConfig.defaults().withDataDir(dir.resolve("data").toString());
  }

  private static DefaultSpec spec(String key, String value, Context context) {
    return new DefaultSpec(key, value, ValueType.STRING, null, context, 0.9, null, false, false);
  }

  /** A store with entries, a secret, usage events and a model folder. */
  private void fill(SmartDefaults d, int n) {
    for (int i = 0; i < n; i++) {
      d.store().put(spec("k" + (i % 50), "v" + i, Context.of("project", "p" + i)), ACTOR);
    }
    d.store()
        .put(
            new DefaultSpec(
                "api.token", "s3cr3t", ValueType.STRING, null, Context.of(), 1, null, false, true),
            ACTOR);
    for (int i = 0; i < 30; i++) {
      d.store()
          .recordUsage(
              new Feedback("k1", Context.of("project", "p1"), "v1", Outcome.CHOSEN, null, "test"));
    }
  }

  private Manifest filledAndBackedUp(PlandevConfig config, int entries) {
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      fill(d, entries);
      return Backups.of(config, Clock.systemUTC()).full(BackupProgress.NONE);
    }
  }

  /**
   * {@code target} with the key file of {@code config}'s data directory, as an operator copies it.
   */
  private static Path withKey(PlandevConfig config, Path target) throws java.io.IOException {
    Files.createDirectories(target);
    Files.copy(config.resolve("secret.key"), target.resolve("secret.key"));
    return target;
  }

  /**
   * Runs {@code backup} once a thread's writes are flowing (counted in {@code written}), and checks
   * that they went on during it.
   */
  private static Manifest whileWriting(
      SmartDefaults d, AtomicInteger written, java.util.function.Supplier<Manifest> backup)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    Thread writer =
        new Thread(
            () -> {
              while (!stop.get()) {
                int i = written.incrementAndGet();
                d.store().create(spec("load", "x" + i, Context.of("n", "" + i)), ACTOR);
              }
            });
    writer.start();
    try {
      org.awaitility.Awaitility.await().until(() -> written.get() > 50);
      Manifest m = backup.get();
      assertThat(written.get()).as("writes went on during the backup").isGreaterThan(50);
      return m;
    } finally {
      stop.set(true);
      writer.join();
    }
  }

  @Test
  void backupTakenWhileWriting_verifies_andRestoresAConsistentStore() throws Exception {
    PlandevConfig config = config();
    Manifest m;
    AtomicInteger written = new AtomicInteger();
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      fill(d, 500);
      Files.createDirectories(config.resolve(config.ml().modelPath()));
      Files.writeString(
          config.resolve(config.ml().modelPath()).resolve("ranker.json"), "{\"w\":1}");
      m =
          whileWriting(
              d, written, () -> Backups.of(config, Clock.systemUTC()).full(BackupProgress.NONE));
    }
    Backups backups = Backups.of(config, Clock.systemUTC());
    assertThat(backups.list()).singleElement().satisfies(b -> assertThat(b.complete()).isTrue());
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(config.backupPath())))
        .isEqualTo("rwx------");
    assertThat(m.rows().get("default_values")).isGreaterThan(550);
    assertThat(m.keyIds()).hasSize(1);
    assertThat(m.schemaVersion()).isEqualTo(2);
    assertThat(m.files())
        .extracting(Manifest.FileEntry::name)
        .containsExactly("defaults.db.zst", "model/ranker.json.zst");
    assertThat(m.sample())
        .hasSizeGreaterThan(10)
        .allSatisfy(s -> assertThat(s.entryId()).isPositive());
    assertThat(backups.lastVerification(m.id())).isEmpty();
    backups.verify(m.id());
    assertThat(backups.lastVerification(m.id())).get().matches(Verification::good);

    // The key travels separately: put it where the restored data directory reads it.
    Path target = withKey(config, dir.resolve("restored"));
    Restored r = backups.restore(m.id(), target, false, BackupProgress.NONE);
    assertThat(r.checks()).anyMatch(c -> c.startsWith("integrity check: ok"));
    try (SmartDefaults restored =
            SmartDefaults.open(config.withDataDir(target.toString()), Clock.systemUTC());
        Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + target.resolve("defaults.db"))) {
      long entries = restored.store().list(ListQuery.all()).total();
      assertThat(entries).isEqualTo(m.rows().get("default_values"));
      // Consistent: every entry has its audit row and no audit row lacks its entry (only creates
      // ran, each in one transaction with its row).
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT COUNT(*) FROM changes WHERE operation IN ('create','update','import')"
                      + " AND entity = 'default_value' AND entity_id NOT IN (SELECT id FROM default_values)")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
      assertThat(restored.store().resolve("api.token", Context.of()).orElseThrow().entry().value())
          .isEqualTo("s3cr3t");
      assertThat(Files.readString(target.resolve("model").resolve("ranker.json")))
          .isEqualTo("{\"w\":1}");
    }
  }

  @Test
  void incrementalTakenWhileWriting_restoresAConsistentStore() throws Exception {
    PlandevConfig config = config();
    Manifest inc;
    AtomicInteger written = new AtomicInteger();
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      fill(d, 100);
      Backups backups = Backups.of(config, Clock.systemUTC());
      backups.full(BackupProgress.NONE);
      inc = whileWriting(d, written, () -> backups.incremental(BackupProgress.NONE));
    }
    assertThat(inc.rows().get("changes")).isPositive();
    Path target = withKey(config, dir.resolve("restored"));
    Restored r =
        Backups.of(config, Clock.systemUTC()).restore(inc.id(), target, false, BackupProgress.NONE);
    assertThat(r.checks()).anyMatch(c -> c.startsWith("replayed"));
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + target.resolve("defaults.db"));
        Statement s = c.createStatement()) {
      // Only creates ran after the full backup: one audit row per entry, no row without its entry.
      try (ResultSet rs =
          s.executeQuery(
              "SELECT (SELECT COUNT(*) FROM default_values WHERE key = 'load'),"
                  + " (SELECT COUNT(*) FROM changes WHERE entity_key = 'load'),"
                  + " (SELECT COUNT(*) FROM changes WHERE entity_key = 'load'"
                  + " AND entity_id NOT IN (SELECT id FROM default_values))")) {
        rs.next();
        assertThat(rs.getLong(1)).isPositive().isEqualTo(rs.getLong(2));
        assertThat(rs.getLong(3)).isZero();
      }
    }
  }

  @Test
  void flippedByte_failsVerify_andRestore_namingTheFile() throws Exception {
    PlandevConfig config = config();
    Manifest m = filledAndBackedUp(config, 100);
    Path file = config.backupPath().resolve(m.id()).resolve("defaults.db.zst");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(raf.length() / 2);
      int b = raf.read();
      raf.seek(raf.length() / 2);
      raf.write(b ^ 0x01);
    }
    Backups backups = Backups.of(config, Clock.systemUTC());
    assertThatThrownBy(() -> backups.verify(m.id()))
        .isInstanceOf(DamagedBackupException.class)
        .hasMessageContaining(m.id())
        .hasMessageContaining("defaults.db.zst")
        .hasMessageContaining("SHA-256");
    assertThat(backups.verifyAll()).singleElement().asString().contains("defaults.db.zst");
    assertThat(backups.lastVerification(m.id()))
        .get()
        .satisfies(v -> assertThat(v.good()).isFalse())
        .extracting(Verification::problem)
        .asString()
        .contains("defaults.db.zst");
    Path target = withKey(config, dir.resolve("restored"));
    assertThatThrownBy(() -> backups.restore(m.id(), target, false, BackupProgress.NONE))
        .isInstanceOf(DamagedBackupException.class)
        .hasMessageContaining("defaults.db.zst");
    assertThat(target.resolve("defaults.db")).doesNotExist();
  }

  @Test
  void restoreOverAStore_needsForce_andNeverWhileAServiceUsesIt() throws Exception {
    PlandevConfig config = config();
    Manifest m;
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      fill(d, 20);
      m = Backups.of(config, Clock.systemUTC()).full(BackupProgress.NONE);
      d.store().put(spec("after", "backup", Context.of()), ACTOR);
    }
    Backups backups = Backups.of(config, Clock.systemUTC());
    Path live = config.dataPath();
    assertThatThrownBy(() -> backups.restore(m.id(), live, false, BackupProgress.NONE))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("already holds a store")
        .hasMessageContaining("--force");
    try (ServiceLock lock = ServiceLock.acquire(live, "plandev serve")) {
      assertThatThrownBy(() -> backups.restore(m.id(), live, true, BackupProgress.NONE))
          .isInstanceOf(RestoreRefusedException.class)
          .hasMessageContaining(
              "plandev serve (pid " + ProcessHandle.current().pid() + ") is using " + live)
          .hasMessageContaining("stop it");
    }
    Restored r = backups.restore(m.id(), live, true, BackupProgress.NONE);
    assertThat(r.dataDir()).isEqualTo(live.toAbsolutePath());
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      assertThat(d.store().resolve("after", Context.of())).isEmpty();
      assertThat(d.store().list(ListQuery.all()).total()).isEqualTo(m.rows().get("default_values"));
    }
    try (var aside = Files.list(live)) {
      assertThat(aside.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("replaced-"));
    }
  }

  @Test
  void restoreWithoutTheKey_isRefused_namingTheKeyId() throws Exception {
    PlandevConfig config = config();
    Manifest m = filledAndBackedUp(config, 10);
    String keyId = m.keyIds().get(0);
    Backups backups = Backups.of(config, Clock.systemUTC());
    Path missing = dir.resolve("no-key");
    assertThatThrownBy(() -> backups.restore(m.id(), missing, false, BackupProgress.NONE))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("key " + keyId)
        .hasMessageContaining("secret.key")
        .hasMessageContaining("(missing)");
    // Another key in its place is no better: refused before anything is written.
    Path other = dir.resolve("other-key");
    try (SmartDefaults d =
        SmartDefaults.open(config.withDataDir(other.toString()), Clock.systemUTC())) {
      d.store()
          .put(
              new DefaultSpec("t", "x", ValueType.STRING, null, Context.of(), 1, null, false, true),
              ACTOR);
    }
    assertThatThrownBy(() -> backups.restore(m.id(), other, true, BackupProgress.NONE))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("key " + keyId)
        .hasMessageContaining("it holds key");
    assertThat(missing.resolve("defaults.db")).doesNotExist();
  }

  @Test
  void backupOfANewerSchema_isRefused() throws Exception {
    PlandevConfig config = config();
    Manifest m = filledAndBackedUp(config, 5);
    Path manifest = config.backupPath().resolve(m.id()).resolve(Manifest.FILE);
    Files.writeString(
        manifest,
        Files.readString(manifest).replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 99"));
    assertThatThrownBy(
            () ->
                Backups.of(config, Clock.systemUTC())
                    .restore(m.id(), dir.resolve("t"), false, BackupProgress.NONE))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("up to 2");
  }

  @Test
  void interruptedRestore_leavesTheTargetRefusingToOpen() throws Exception {
    PlandevConfig config = config();
    Manifest m = filledAndBackedUp(config, 5);
    Path target = withKey(config, dir.resolve("half"));
    List<String> steps = new ArrayList<>();
    Process child =
        dev.plandev.defaults.testing.ChildJvm.start(
            PausingBackupProcess.class, "restore", config.dataDir(), m.id(), target.toString());
    PausingBackupProcess.killAtPause(child, "replacement of the store's files", steps);
    assertThat(steps).contains("checks of the restored store");
    assertThatThrownBy(
            () -> SmartDefaults.open(config.withDataDir(target.toString()), Clock.systemUTC()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("restore from backup " + m.id() + " was interrupted")
        .hasMessageContaining("Run the restore again");
    // Running it again, forced, gives a usable store.
    Backups.of(config, Clock.systemUTC()).restore(m.id(), target, true, BackupProgress.NONE);
    try (SmartDefaults d =
        SmartDefaults.open(config.withDataDir(target.toString()), Clock.systemUTC())) {
      assertThat(d.store().list(ListQuery.all()).total()).isEqualTo(m.rows().get("default_values"));
    }
  }

  @Test
  void killedBackup_leavesNothingListedAsGood() throws Exception {
    PlandevConfig config = config();
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      fill(d, 200);
    }
    List<String> steps = new ArrayList<>();
    Process child =
        dev.plandev.defaults.testing.ChildJvm.start(
            PausingBackupProcess.class, "full", config.dataDir());
    PausingBackupProcess.killAtPause(child, "manifest", steps);
    assertThat(steps).contains("compression of the database");
    List<BackupInfo> all = Backups.of(config, Clock.systemUTC()).list();
    assertThat(all).isNotEmpty().noneMatch(BackupInfo::complete);
    assertThat(all.get(0).problem()).contains("interrupted");
    // The next backup is unaffected.
    Manifest m = Backups.of(config, Clock.systemUTC()).full(BackupProgress.NONE);
    assertThat(Backups.of(config, Clock.systemUTC()).list())
        .filteredOn(BackupInfo::complete)
        .extracting(BackupInfo::id)
        .containsExactly(m.id());
  }
}
