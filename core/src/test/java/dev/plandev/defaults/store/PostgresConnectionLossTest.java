package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.testing.Services;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections the server dropped (as a restart or a failover drops them), made on demand with
 * {@code pg_terminate_backend} on the store's own connections: a read is run again on a fresh
 * connection and succeeds, a write is not repeated and says it may have been saved, and the store's
 * health keeps the outage.
 */
class PostgresConnectionLossTest {
  private static final String ALIVE_BYPASS = "com.zaxxer.hikari.aliveBypassWindowMs";

  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  String schema;
  String application;

  @AfterEach
  void drop() {
    Services.dropPostgresSchema(schema);
  }

  JdbcDefaultsStore open() {
    schema = Services.freshPostgresSchema();
    application = "plandev-loss-" + schema; // names this test's connections, and only them
    PlandevConfig config =
        PlandevConfig.defaults()
            .withDataDir(dir.toString())
            .withPostgres(
                new PostgresSettings(
                    true,
                    Services.PG_URL + "?ApplicationName=" + application,
                    Services.PG_USER,
                    "",
                    schema,
                    4));
    // The pool skips its own liveness check of a connection used within this window: without it,
    // a slow machine would let the pool find the dropped connections before the store does.
    System.setProperty(ALIVE_BYPASS, Long.toString(java.time.Duration.ofHours(1).toMillis()));
    try {
      return JdbcDefaultsStore.open(config, clock, registry);
    } finally {
      System.clearProperty(ALIVE_BYPASS); // read once, when the pool starts
    }
  }

  /** Ends every server process serving this test's pool; returns how many there were. */
  int terminatePoolConnections() throws Exception {
    try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                        + " WHERE application_name = '"
                        + application
                        + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void readOnADroppedConnection_isRunAgain_andTheOutageIsKept() throws Exception {
    try (JdbcDefaultsStore store = open()) {
      DefaultEntry written = store.put(DefaultSpec.of("k", "v"), Actor.of("t"));
      assertThat(store.health().connection().status()).isEqualTo(StoreHealth.Status.UP);
      assertThat(store.health().lastOutage()).isNull();
      assertThat(terminatePoolConnections()).isPositive();

      assertThat(store.find(written.id())).map(DefaultEntry::value).contains("v");

      StoreHealth health = store.health();
      assertThat(health.connection().status()).isEqualTo(StoreHealth.Status.UP);
      assertThat(health.lastOutage()).isNotNull();
      assertThat(health.lastOutage().reason()).contains("cannot be reached");
      assertThat(health.lastOutage().failedCalls()).isEqualTo(1);
      assertThat(store.resolve("k", Context.EMPTY)).isPresent();
    }
  }

  @Test
  void writeOnADroppedConnection_isNotRepeated_andSaysItMayHaveBeenSaved() throws Exception {
    try (JdbcDefaultsStore store = open()) {
      store.put(DefaultSpec.of("k", "v"), Actor.of("t"));
      assertThat(registry.get("plandev.store.reachable").gauge().value()).isEqualTo(1);
      assertThat(terminatePoolConnections()).isPositive();

      assertThatThrownBy(() -> store.put(DefaultSpec.of("k2", "v"), Actor.of("t")))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("unreachable")
          .hasMessageContaining("may have been saved")
          .satisfies(
              e ->
                  assertThat(((StorageException) e).publicReason())
                      .contains("cannot be reached")
                      .contains("read it back"));
      assertThat(store.health().connection().status()).isEqualTo(StoreHealth.Status.DOWN);
      assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.DOWN);
      assertThat(registry.get("plandev.store.reachable").gauge().value()).isZero();
      assertThat(registry.get("plandev.store.outages").functionCounter().count()).isEqualTo(1);

      // The pool's other connections were retired with the dropped one: the next write works.
      store.put(DefaultSpec.of("k2", "v"), Actor.of("t"));
      assertThat(store.health().connection().status()).isEqualTo(StoreHealth.Status.UP);
      assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.UP);
      assertThat(store.health().lastOutage().failedCalls()).isEqualTo(1);
    }
  }

  @Test
  void readiness_asksTheServer_eachTime() throws Exception {
    try (JdbcDefaultsStore store = open()) {
      assertThat(store.whyNotReady()).isEmpty();
      assertThat(terminatePoolConnections()).isPositive(); // the probe's own connection too
      // The probe's connection was dropped: the probe says so once, then connects again.
      assertThat(store.whyNotReady()).contains("the database server cannot be reached");
      assertThat(store.whyNotReady()).isEmpty();
    }
  }
}
