package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Database passwords never leave the service: not on open {@code /health}, not with a key, not in
 * {@code /ready}, {@code /metrics} or a 503. PostgreSQL runs with trust auth, so the passwords in
 * the URL and in {@code postgres.password} are ignored by it and serve as markers.
 */
class CredentialMaskingTest {
  private static final String URL_MARKER = "s3cr3tmarker";
  private static final String PASSWORD_MARKER = "s3cr3tmarker2";

  @TempDir Path dir;

  @Test
  void passwords_appearInNoResponse_evenWhenTheDatabaseFails() throws Exception {
    try (PostgresSchema schema = new PostgresSchema();
        ServerFixture f =
            new ServerFixture(
                dir,
                schema.settings(
                    "?password=" + URL_MARKER, Map.of("postgres.password", PASSWORD_MARKER)))) {
      HttpResponse<String> open = f.get("/health", null);
      assertThat(open.statusCode()).isEqualTo(200);
      assertThat(f.body(open).at("/checks/database/status").asText()).isEqualTo("UP");
      assertThat(f.body(open).at("/checks/database").has("store")).isFalse();
      HttpResponse<String> detailed = f.get("/health", f.reader);
      assertThat(f.body(detailed).at("/checks/database/store").asText()).contains("PostgreSQL");
      for (HttpResponse<String> r :
          List.of(open, detailed, f.get("/ready", null), f.get("/metrics", f.reader))) {
        assertThat(r.body()).as(r.uri().toString()).doesNotContain(URL_MARKER);
      }
      schema.dropUnderTheService();
      HttpResponse<String> failed = f.get("/api/v1/defaults", f.reader);
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(f.body(failed).get("detail").asText())
          .contains("the database is unavailable")
          .doesNotContain(URL_MARKER)
          .doesNotContain("postgresql")
          .doesNotContain(schema.name);
    }
  }
}
