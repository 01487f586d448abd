package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.testing.TestClock;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing keys is limited by client address, and a guess that was already wrong is answered
 * without asking the database again.
 */
class KeyGuessingTest {
  @TempDir Path dir;

  @Test
  void requestsWithoutAValidKey_areRateLimitedByAddress() {
    try (ServerFixture f =
        new ServerFixture(
            dir,
            Map.of("server.rateLimit", "5", "server.rateBurst", "5"),
            Map.of("/mcp", new MountedServletGuardTest.Echo()),
            new TestClock())) {
      for (String path : List.of("/api/v1/defaults", "/mcp")) {
        List<HttpResponse<String>> limited = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          HttpResponse<String> r = f.get(path, i % 2 == 0 ? null : "pdk_guess" + i);
          if (r.statusCode() == 429) {
            limited.add(r);
          }
        }
        assertThat(limited).as(path).isNotEmpty();
        assertThat(limited.get(0).headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(limited.get(0).headers().firstValue("Retry-After")).isPresent();
        assertThat(f.body(limited.get(0)).get("detail").asText()).contains("address");
      }
      assertThat(f.get("/api/v1/defaults", f.reader).statusCode())
          .as("a valid key has its own limit")
          .isEqualTo(200);
    }
  }

  @Test
  void aRepeatedUnknownKey_isAnsweredWithoutTheDatabase() throws Exception {
    try (PostgresSchema schema = new PostgresSchema();
        ServerFixture f = new ServerFixture(dir, schema.settings("", Map.of()))) {
      assertThat(f.get("/api/v1/defaults", "pdk_guess1").statusCode()).isEqualTo(401);
      schema.dropUnderTheService();
      assertThat(f.get("/api/v1/defaults", "pdk_guess1").statusCode())
          .as("known to be wrong: no database needed")
          .isEqualTo(401);
      assertThat(f.get("/api/v1/defaults", "pdk_guess2").statusCode())
          .as("a new guess is looked up, and the database is gone")
          .isEqualTo(503);
    }
  }
}
