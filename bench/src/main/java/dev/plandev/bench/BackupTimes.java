package dev.plandev.bench;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.backup.BackupProgress;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.backup.Restored;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Backup figures on a large store (not a test): a SQLite store of {@value #ENTRIES} entries and
 * {@value #EVENTS} usage events; the time and size of a full backup and of its restore (with every
 * check); and the store's resolve throughput on {@value #READERS} threads while the backup runs,
 * against the same for as long just before it (the in-process cache off, so that every resolve
 * reads the database the backup is copying).
 *
 * <p>Run from the repository root after {@code mvn -B -o -q package -pl bench -am -DskipTests}:
 * {@code java -cp bench/target/benchmarks.jar dev.plandev.bench.BackupTimes [DIR]} (default: a new
 * folder under /tmp, deleted by nobody: it holds the store and its backups for a look afterwards).
 */
public final class BackupTimes {
  static final int ENTRIES = 100_000;
  static final int EVENTS = 1_000_000;
  static final int READERS = 2;
  private static final int KEYS = 5_000;

  private BackupTimes() {}

  /** Builds the store, then prints one line per figure. */
  public static void main(String[] args) throws Exception {
    Path dir =
        args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("plandev-backup-bench");
    PlandevConfig base = PlandevConfig.defaults().withDataDir(dir.resolve("data").toString());
    PlandevConfig config = base.withRedis(withoutL1(base.redis()));
    try (SmartDefaults d = SmartDefaults.open(config, Clock.systemUTC())) {
      long t0 = System.nanoTime();
      fill(d);
      addEvents(config.resolve(config.sqlite().path()));
      System.out.printf(
          Locale.ROOT,
          "store: %d entries, %d usage events, %d MB (built in %.0f s)%n",
          d.stats().entries(),
          d.stats().usageEvents(),
          Files.size(config.resolve(config.sqlite().path())) >> 20,
          (System.nanoTime() - t0) / 1e9);
      Backups backups = Backups.of(config, Clock.systemUTC());
      double idle = resolves(d, null);
      long start = System.nanoTime();
      CompletableFuture<Manifest> backup =
          CompletableFuture.supplyAsync(() -> backups.full(BackupProgress.NONE));
      double busy = resolves(d, backup);
      Manifest m = backup.join();
      double backupSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "full backup: %.1f s, %.1f MB compressed (zstd level %d) of %.1f MB%n",
          backupSeconds,
          m.totalBytes() / 1e6,
          m.zstdLevel(),
          m.plainBytes() / 1e6);
      System.out.printf(
          Locale.ROOT,
          "resolves/s on %d threads: %.0f without a backup, %.0f during the backup (%.0f %%)%n",
          READERS,
          idle,
          busy,
          100 * busy / idle);
      Path target = dir.resolve("restored");
      Files.createDirectories(target);
      if (Files.exists(config.resolve("secret.key"))) {
        Files.copy(config.resolve("secret.key"), target.resolve("secret.key"));
      }
      long r0 = System.nanoTime();
      Restored r = backups.restore(m.id(), target, false, BackupProgress.NONE);
      System.out.printf(
          Locale.ROOT,
          "restore with checks: %.1f s (%s)%n",
          (System.nanoTime() - r0) / 1e9,
          String.join("; ", r.checks()));
    }
    System.out.println("files in " + dir);
  }

  private static RedisSettings withoutL1(RedisSettings r) {
    return new RedisSettings(
        r.enabled(),
        r.host(),
        r.port(),
        r.password(),
        r.maxRetries(),
        r.retryDelay(),
        r.timeout(),
        r.keyPrefix(),
        r.ttl(),
        r.maxTtl(),
        r.negativeTtl(),
        0,
        r.l1Ttl(),
        r.breakerFailureRate(),
        r.breakerSlowCall(),
        r.breakerWaitInOpen(),
        r.breakerMinimumCalls());
  }

  private static void fill(SmartDefaults d) {
    List<BatchOperation> ops = new ArrayList<>();
    for (int i = 0; i < ENTRIES; i++) {
      ops.add(
          BatchOperation.upsert(
              new DefaultSpec(
                  "key." + (i % KEYS),
                  "value-" + i,
                  ValueType.STRING,
                  null,
                  Context.of("project", "p" + (i / KEYS), "env", "e" + (i % 3)),
                  0.5 + (i % 50) / 100.0,
                  null,
                  false,
                  false)));
      if (ops.size() == 1000) {
        d.store().batch(ops, false, Actor.of("bench"));
        ops.clear();
      }
    }
  }

  /**
   * The usage events, written straight into the database in one transaction: a million feedback
   * calls would take most of an hour and measure feedback, not backups.
   */
  private static void addEvents(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO usage_events (key, context, value, outcome, suggested, occurred_at,"
                  + " source) VALUES (?, ?, ?, 'chosen', ?, ?, 'bench')")) {
        long now = System.currentTimeMillis() - EVENTS * 1000L;
        for (int i = 0; i < EVENTS; i++) {
          ps.setString(1, "key." + (i % KEYS));
          ps.setString(2, "{\"env\":\"e" + (i % 3) + "\",\"project\":\"p" + (i % 20) + "\"}");
          ps.setString(3, "value-" + (i % 997));
          ps.setString(4, "value-" + (i % 991));
          ps.setLong(5, now + i * 1000L);
          ps.addBatch();
          if (i % 10_000 == 9_999) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

  /**
   * Resolves per second on {@value #READERS} threads: until {@code until} completes, or for 10 s
   * when it is null.
   */
  private static double resolves(SmartDefaults d, CompletableFuture<?> until)
      throws InterruptedException {
    LongAdder done = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < READERS; t++) {
      int seed = t;
      Thread th =
          new Thread(
              () -> {
                Random rnd = new Random(seed);
                while (!stop.get()) {
                  int i = rnd.nextInt(ENTRIES);
                  d.store()
                      .resolve(
                          "key." + (i % KEYS),
                          Context.of("project", "p" + (i / KEYS), "env", "e" + (i % 3)));
                  done.increment();
                }
              });
      th.start();
      threads.add(th);
    }
    long start = System.nanoTime();
    if (until == null) {
      Thread.sleep(10_000);
    } else {
      until.handle((x, e) -> null).join();
    }
    stop.set(true);
    for (Thread th : threads) {
      th.join();
    }
    return done.sum() / ((System.nanoTime() - start) / 1e9);
  }
}
