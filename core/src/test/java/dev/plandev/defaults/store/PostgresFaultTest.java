package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.testing.Services;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL failures say what is wrong with the server in plain words, and never carry the
 * password of the URL (trust auth ignores it here, so it serves as a marker).
 */
class PostgresFaultTest {
  private static final String PASSWORD = "s3cr3tmarker";

  @TempDir Path dir;
  final TestClock clock = new TestClock();
  String schema;

  @AfterEach
  void drop() {
    if (schema != null && !schema.equals("never_created")) {
      Services.dropPostgresSchema(schema);
    }
  }

  PlandevConfig config(String url) {
    return PlandevConfig.defaults()
        .withDataDir(dir.toString())
        .withPostgres(new PostgresSettings(true, url, Services.PG_USER, "", schema, 2));
  }

  @Test
  void readOnlyServer_saysItAcceptsNoWrites_andWhereToPoint() {
    schema = Services.freshPostgresSchema();
    JdbcDefaultsStore.open(config(Services.PG_URL), clock, new SimpleMeterRegistry()).close();
    String readOnly =
        Services.PG_URL + "?options=-c%20default_transaction_read_only%3Don&password=" + PASSWORD;
    try (JdbcDefaultsStore store =
        JdbcDefaultsStore.open(config(readOnly), clock, new SimpleMeterRegistry())) {
      assertThatThrownBy(() -> store.put(DefaultSpec.of("k", "v"), Actor.of("t")))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("accepts no writes")
          .hasMessageContaining("postgres.url")
          .hasMessageNotContaining(PASSWORD);
      assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.DOWN);
      assertThat(store.health().writes().detail()).doesNotContain(PASSWORD);
      assertThat(store.description()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void unreachableServer_saysSo_withoutThePassword() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nothing listens there
    }
    schema = "never_created";
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/test?password=" + PASSWORD;
    assertThatThrownBy(() -> JdbcDefaultsStore.open(config(url), clock, new SimpleMeterRegistry()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("unreachable")
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageNotContaining(PASSWORD)
        .hasMessageNotContaining("SQLite");
  }
}
