package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.testing.Services;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restores through {@code /api/v1/backups} on PostgreSQL: never into the schema the service serves
 * (409 saying what to do instead), into another schema with the model files in another data
 * directory.
 */
class PostgresBackupsApiTest {
  @TempDir Path dir;

  @Test
  void aRestoreGoesIntoAnotherSchema_neverTheServicesOwn() throws Exception {
    try (PostgresSchema own = new PostgresSchema();
        PostgresSchema other = new PostgresSchema();
        ServerFixture f = new ServerFixture(dir.resolve("data"), own.settings("", Map.of()))) {
      f.post("/api/v1/defaults", f.editor, "{\"key\":\"db.host\",\"value\":\"db.internal\"}");
      HttpResponse<String> taken = f.post("/api/v1/backups", f.admin, "");
      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
      String id = f.body(taken).get("id").asText();
      String to = dir.resolve("restored").toAbsolutePath().toString();

      for (String body :
          new String[] {
            "{\"to\":\"" + to + "\"}", "{\"to\":\"" + to + "\",\"schema\":\"" + own.name + "\"}"
          }) {
        HttpResponse<String> refused = f.post("/api/v1/backups/" + id + "/restore", f.admin, body);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse(""))
            .startsWith("application/problem+json");
        assertThat(refused.body())
            .contains("this service serves the PostgreSQL schema " + own.name)
            .contains("Restore into another schema")
            .contains("stop the service and run: plandev restore ID --force");
      }
      HttpResponse<String> bad =
          f.post(
              "/api/v1/backups/" + id + "/restore",
              f.admin,
              "{\"to\":\"" + to + "\",\"schema\":\"x; drop\"}");
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
      assertThat(rowsIn(own.name)).isEqualTo(1);

      HttpResponse<String> restored =
          f.post(
              "/api/v1/backups/" + id + "/restore",
              f.admin,
              "{\"to\":\"" + to + "\",\"schema\":\"" + other.name + "\"}");
      assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
      JsonNode r = f.body(restored);
      assertThat(r.get("schema").asText()).isEqualTo(other.name);
      assertThat(r.get("dataDir").asText()).isEqualTo(to);
      assertThat(r.get("checks").toString()).contains("row counts").contains("model: ");
      assertThat(rowsIn(other.name)).isEqualTo(1);

      HttpResponse<String> atMoment =
          f.post(
              "/api/v1/backups/restore",
              f.admin,
              "{\"to\":\"" + to + "\",\"at\":\"" + f.body(taken).get("to").asText() + "\"}");
      assertThat(atMoment.statusCode()).as(atMoment.body()).isEqualTo(409);
      assertThat(atMoment.body()).contains("Restore into another schema");
    }
  }

  private static long rowsIn(String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + schema + ".default_values")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
