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
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full backups of a store on the machine's PostgreSQL (a fresh schema per store): exported in one
 * repeatable-read transaction while writes go on, restored into another fresh schema.
 */
class PostgresBackupTest {
  private static final Actor ACTOR = Actor.of("test");
  private final List<String> schemas = new ArrayList<>();

  @TempDir Path dir;

  private PlandevConfig fresh(String name) {
    String schema = Services.freshPostgresSchema();
    schemas.add(schema);
    return Services.postgresConfig(dir.resolve(name), schema);
  }

  /** Another fresh schema with the data directory of {@code source}: its backups and its key. */
  private PlandevConfig fresh(PlandevConfig source) {
    String schema = Services.freshPostgresSchema();
    schemas.add(schema);
    return Services.postgresConfig(Path.of(source.dataDir()), schema);
  }

  @AfterEach
  void drop() {
    schemas.forEach(Services::dropPostgresSchema);
  }

  @Test
  void backupWhileWriting_restoresAConsistentStore_intoAFreshSchema() throws Exception {
    PlandevConfig source = fresh("source");
    Manifest m;
    try (SmartDefaults d = SmartDefaults.open(source, Clock.systemUTC())) {
      for (int i = 0; i < 300; i++) {
        d.store()
            .put(
                new DefaultSpec(
                    "k" + (i % 20),
                    "v" + i,
                    ValueType.STRING,
                    null,
                    Context.of("project", "p" + i),
                    0.5,
                    null,
                    false,
                    i % 50 == 0),
                ACTOR);
      }
      d.store()
          .recordUsage(
              new Feedback("k1", Context.of("project", "p1"), "v1", Outcome.CHOSEN, null, "t"));
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      Thread writer =
          new Thread(
              () -> {
                while (!stop.get()) {
                  int i = written.incrementAndGet();
                  d.store()
                      .create(
                          new DefaultSpec(
                              "load",
                              "x",
                              ValueType.STRING,
                              null,
                              Context.of("n", "" + i),
                              1,
                              null,
                              false,
                              false),
                          ACTOR);
                }
              });
      writer.start();
      org.awaitility.Awaitility.await().until(() -> written.get() > 20);
      m = Backups.of(source, Clock.systemUTC()).full(BackupProgress.NONE);
      stop.set(true);
      writer.join();
    }
    assertThat(m.store()).isEqualTo("postgresql");
    assertThat(m.keyIds()).hasSize(1);
    Backups backups = Backups.of(source, Clock.systemUTC());
    backups.verify(m.id());

    PlandevConfig target = fresh("target");
    // The key travels separately, as for SQLite: the target reads the source's key file.
    PlandevConfig withKey = target.withDataDir(source.dataDir());
    Restored r =
        Backups.of(withKey, Clock.systemUTC()).restore(m.id(), dir, false, BackupProgress.NONE);
    assertThat(m.sample()).isNotEmpty();
    assertThat(r.checks())
        .startsWith(
            "row counts: " + m.rows(),
            "resolves: " + m.sample().size() + " of " + m.sample().size() + " as recorded");
    try (SmartDefaults restored = SmartDefaults.open(withKey, Clock.systemUTC())) {
      long entries = restored.store().list(ListQuery.all()).total();
      assertThat(entries).isEqualTo(m.rows().get("default_values"));
      // Consistent: the trail has one create per entry, no more, no less.
      assertThat(restored.stats().changes()).isEqualTo(m.rows().get("changes"));
      assertThat(entries).isEqualTo(m.rows().get("changes"));
      assertThat(
              restored
                  .store()
                  .resolve("k0", Context.of("project", "p0"))
                  .orElseThrow()
                  .entry()
                  .value())
          .isEqualTo("v0");
      // New writes go on from the restored ids.
      restored
          .store()
          .put(
              new DefaultSpec(
                  "after", "x", ValueType.STRING, null, Context.of(), 1, null, false, false),
              ACTOR);
    }
    assertThatThrownBy(
            () ->
                Backups.of(withKey, Clock.systemUTC())
                    .restore(m.id(), dir, false, BackupProgress.NONE))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("already holds a store");
    try (SmartDefaults serving = SmartDefaults.open(withKey, Clock.systemUTC())) {
      // A serving store hears other instances' writes on a connection of its own, opened in the
      // background on its first cached read.
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .until(
              () -> {
                serving.store().resolve("k0", Context.of("project", "p0"));
                return feedConnections(withKey.postgres().schema()) > 0;
              });
      assertThatThrownBy(
              () ->
                  Backups.of(withKey, Clock.systemUTC())
                      .restore(m.id(), dir, true, BackupProgress.NONE))
          .isInstanceOf(RestoreRefusedException.class)
          .hasMessageContaining("a plandev service is using the schema");
    }
    Restored again =
        Backups.of(withKey, Clock.systemUTC()).restore(m.id(), dir, true, BackupProgress.NONE);
    assertThat(again.checks()).first().asString().contains("default_values=");
  }

  @Test
  void incrementalsWhileWritersRun_restoreEveryRowUpToTheirMoment_noGap() throws Exception {
    PlandevConfig source = fresh("source");
    Backups backups = Backups.of(source, Clock.systemUTC());
    String last;
    try (SmartDefaults d = SmartDefaults.open(source, Clock.systemUTC())) {
      seed(d);
      backups.full(BackupProgress.NONE);
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger written = new AtomicInteger();
      List<Thread> writers = new ArrayList<>();
      // Several writers at once: ids are handed out before their rows commit, in any order.
      for (int w = 0; w < 3; w++) {
        int writer = w;
        Thread t =
            new Thread(
                () -> {
                  for (int i = 0; !stop.get(); i++) {
                    Context ctx = Context.of("w", "" + writer, "n", "" + i);
                    d.store()
                        .create(
                            new DefaultSpec(
                                "load",
                                "v" + i,
                                ValueType.STRING,
                                null,
                                ctx,
                                1,
                                null,
                                false,
                                false),
                            ACTOR);
                    d.store()
                        .recordUsage(new Feedback("load", ctx, "v" + i, Outcome.CHOSEN, null, "t"));
                    written.incrementAndGet();
                  }
                });
        writers.add(t);
        t.start();
      }
      Manifest m = null;
      for (int round = 1; round <= 3; round++) {
        int target = round * 30;
        org.awaitility.Awaitility.await()
            .atMost(java.time.Duration.ofSeconds(60))
            .until(() -> written.get() > target);
        m = backups.incremental(BackupProgress.NONE);
        assertThat(m.store()).isEqualTo("postgresql");
      }
      stop.set(true);
      for (Thread t : writers) {
        t.join();
      }
      last = m.id();
    }
    backups.verify(last);
    PlandevConfig target = fresh(source);
    String schema = target.postgres().schema();
    Restored r =
        Backups.of(target, Clock.systemUTC()).restore(last, dir, false, BackupProgress.NONE);
    assertThat(r.checks()).anyMatch(c -> c.startsWith("replayed"));
    for (String table : new String[] {"changes", "usage_events"}) {
      List<Long> restored = ids(schema, table, Long.MAX_VALUE);
      assertThat(restored).as(table).isNotEmpty();
      // Every row the live store holds up to the newest restored one, none missing.
      assertThat(restored)
          .as(table)
          .isEqualTo(ids(source.postgres().schema(), table, restored.get(restored.size() - 1)));
    }
    try (SmartDefaults d = SmartDefaults.open(target, Clock.systemUTC())) {
      // Consistent: one create in the trail per entry.
      assertThat(d.store().list(ListQuery.all()).total()).isEqualTo(d.stats().changes());
    }
  }

  @Test
  void aWriteInFlightWhileABackupBegins_isInTheNextBackup() throws Exception {
    PlandevConfig source = fresh("inflight");
    String schema = source.postgres().schema();
    Backups backups = Backups.of(source, Clock.systemUTC());
    try (SmartDefaults d = SmartDefaults.open(source, Clock.systemUTC())) {
      seed(d);
    }
    backups.full(BackupProgress.NONE);
    Manifest next;
    try (java.sql.Connection slow = connect(schema);
        java.sql.Connection fast = connect(schema)) {
      // A writer that took its id and has not committed yet, and one after it that has.
      slow.setAutoCommit(false);
      insertUsage(slow, "slow");
      insertUsage(fast, "fast");
      java.util.concurrent.CompletableFuture<Manifest> first =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> backups.incremental(BackupProgress.NONE));
      org.awaitility.Awaitility.await()
          .atMost(java.time.Duration.ofSeconds(60))
          .pollInterval(java.time.Duration.ofMillis(5))
          .until(() -> first.isDone() || waitingForALock(schema));
      slow.commit();
      first.join();
      next = backups.incremental(BackupProgress.NONE);
    }
    PlandevConfig target = fresh(source);
    Backups.of(target, Clock.systemUTC()).restore(next.id(), dir, false, BackupProgress.NONE);
    List<Long> live = ids(schema, "usage_events", Long.MAX_VALUE);
    assertThat(live).hasSize(2);
    assertThat(ids(target.postgres().schema(), "usage_events", Long.MAX_VALUE)).isEqualTo(live);
  }

  @Test
  void aRestoreWithoutTheKey_isRefusedBeforeImporting_namingTheKeyAndItsFile() throws Exception {
    PlandevConfig source = fresh("source");
    try (SmartDefaults d = SmartDefaults.open(source, Clock.systemUTC())) {
      seed(d);
    }
    Manifest m = Backups.of(source, Clock.systemUTC()).full(BackupProgress.NONE);
    assertThat(m.keyIds()).hasSize(1);
    PlandevConfig target = fresh(source);
    Path keyFile = target.resolve(target.security().keyFile());
    java.nio.file.Files.move(keyFile, dir.resolve("elsewhere.key"));

    assertThatThrownBy(
            () ->
                Backups.of(target, Clock.systemUTC())
                    .restore(m.id(), dir, false, BackupProgress.NONE))
        .isInstanceOf(RestoreRefusedException.class)
        .hasMessageContaining("encrypted with key " + m.keyIds().get(0))
        .hasMessageContaining("the key file " + keyFile);
    // Refused before the import: not even the tables were created in the target schema.
    assertThat(tablesIn(target.postgres().schema())).isZero();
  }

  private static long tablesIn(String schema) throws java.sql.SQLException {
    return count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?", schema);
  }

  /** One secret entry, so that backups name the key they need. */
  private static void seed(SmartDefaults d) {
    d.store()
        .put(
            new DefaultSpec(
                "seed", "x", ValueType.STRING, null, Context.of(), 1, null, false, true),
            ACTOR);
  }

  private static java.sql.Connection connect(String schema) throws java.sql.SQLException {
    java.sql.Connection c =
        java.sql.DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
    c.setSchema(schema);
    return c;
  }

  private static void insertUsage(java.sql.Connection c, String key) throws java.sql.SQLException {
    try (java.sql.PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO usage_events (key, context, value, outcome, suggested, occurred_at,"
                + " source) VALUES (?, ?, 'x', ?, NULL, ?, 'test')")) {
      ps.setString(1, key);
      ps.setString(2, Context.of().toJson());
      ps.setString(3, Outcome.CHOSEN.wireName());
      ps.setLong(4, System.currentTimeMillis());
      ps.executeUpdate();
    }
  }

  private static boolean waitingForALock(String schema) throws java.sql.SQLException {
    try (java.sql.Connection c = connect(schema);
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                    + " AND relation = 'usage_events'::regclass")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static List<Long> ids(String schema, String table, long upTo)
      throws java.sql.SQLException {
    List<Long> ids = new ArrayList<>();
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        java.sql.PreparedStatement ps =
            c.prepareStatement(
                "SELECT id FROM " + schema + "." + table + " WHERE id <= ? ORDER BY id")) {
      ps.setLong(1, upTo);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  private static long feedConnections(String schema) throws java.sql.SQLException {
    return count(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = ?",
        "plandev write feed " + schema);
  }

  private static long count(String sql, String parameter) throws java.sql.SQLException {
    try (java.sql.Connection c =
            java.sql.DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (java.sql.ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
