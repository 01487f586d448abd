package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.testing.Services;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /livez} answers whether the process serves HTTP at all, so an orchestrator restarts only a
 * process that restarting can fix; {@code /health} and {@code /ready} tell the database's state.
 */
class LivenessTest {
  private static final Pattern PG = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/(.*)");

  @TempDir Path dir;

  @Test
  void livez_isOpen_andAlive() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> r = f.get("/livez", null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(f.body(r).get("status").asText()).isEqualTo("ALIVE");
    }
  }

  @Test
  void databaseUnreachable_healthAndReadyDown_livezStill200() throws Exception {
    Matcher m = PG.matcher(Services.PG_URL);
    assertThat(m.matches())
        .as("a PostgreSQL URL with host and database: " + Services.PG_URL)
        .isTrue();
    try (PostgresSchema schema = new PostgresSchema();
        TcpGate gate =
            new TcpGate(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)))) {
      Map<String, String> settings = schema.settings("", Map.of());
      settings.put("postgres.url", "jdbc:postgresql://127.0.0.1:" + gate.port() + "/" + m.group(3));
      try (ServerFixture f = new ServerFixture(dir, settings)) {
        assertThat(f.get("/health", null).statusCode()).isEqualTo(200);
        assertThat(f.get("/ready", null).statusCode()).isEqualTo(200);
        assertThat(f.get("/livez", null).statusCode()).isEqualTo(200);

        gate.close();

        HttpResponse<String> health = f.get("/health", null);
        assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
        assertThat(f.body(health).get("status").asText()).isEqualTo("DOWN");
        assertThat(f.get("/ready", null).statusCode()).isEqualTo(503);
        HttpResponse<String> live = f.get("/livez", null);
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        assertThat(f.body(live).get("status").asText()).isEqualTo("ALIVE");
      }
    }
  }
}
