package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.testing.Services;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
  private String schema;

  @AfterEach
  void dropSchema() {
    Services.dropPostgresSchema(schema);
  }

  @Test
  void passwords_appearInNoResponse_evenWhenTheDatabaseFails() throws Exception {
    schema = Services.freshPostgresSchema();
    try (ServerFixture f =
        new ServerFixture(
            dir,
            Map.of(
                "postgres.enabled",
                "true",
                "postgres.url",
                Services.PG_URL + "?password=" + URL_MARKER,
                "postgres.user",
                Services.PG_USER,
                "postgres.password",
                PASSWORD_MARKER,
                "postgres.schema",
                schema))) {
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
      breakTheStore();
      HttpResponse<String> failed = f.get("/api/v1/defaults", f.reader);
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(f.body(failed).get("detail").asText())
          .contains("the database is unavailable")
          .doesNotContain(URL_MARKER)
          .doesNotContain("postgresql")
          .doesNotContain(schema);
    }
  }

  /** Drops the store's tables under the running service, so its next query fails. */
  private void breakTheStore() throws Exception {
    try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }
}
