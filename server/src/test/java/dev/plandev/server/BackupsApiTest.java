package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.testing.TestClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/v1/backups} for admins, the backup meters of {@code /metrics}, and {@code /health}.
 */
class BackupsApiTest {
  @TempDir Path dir;

  @Test
  void adminTakesListsVerifiesAndRestores_othersAreRefused() throws Exception {
    try (ServerFixture f = new ServerFixture(dir.resolve("data"))) {
      f.post(
          "/api/v1/defaults",
          f.editor,
          "{\"key\":\"db.host\",\"value\":\"db.internal\",\"context\":{\"env\":\"prod\"}}");
      assertThat(f.post("/api/v1/backups", f.editor, "").statusCode()).isEqualTo(403);
      assertThat(f.get("/api/v1/backups", f.reader).statusCode()).isEqualTo(403);

      HttpResponse<String> taken = f.post("/api/v1/backups", f.admin, "");
      assertThat(taken.statusCode()).as(taken.body()).isEqualTo(201);
      String id = f.body(taken).get("id").asText();
      assertThat(f.body(taken).get("rows").get("default_values").asLong()).isEqualTo(1);

      JsonNode list = f.body(f.get("/api/v1/backups", f.admin));
      assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id);
      JsonNode verify = f.body(f.post("/api/v1/backups/" + id + "/verify", f.admin, ""));
      assertThat(verify.get("valid").asBoolean()).isTrue();
      assertThat(f.post("/api/v1/backups/nope/verify", f.admin, "").statusCode()).isEqualTo(404);
      // The backup folder's parent is no backup (the fuzz test found a 500 there).
      assertThat(f.post("/api/v1/backups/%2e%2e/verify", f.admin, "").statusCode()).isEqualTo(404);
      assertThat(f.post("/api/v1/backups/./verify", f.admin, "").statusCode()).isEqualTo(404);

      // Over the service's own store: refused, whatever the body says.
      HttpResponse<String> own =
          f.post(
              "/api/v1/backups/" + id + "/restore",
              f.admin,
              "{\"to\":\"" + dir.resolve("data").toAbsolutePath() + "\"}");
      assertThat(own.statusCode()).as(own.body()).isEqualTo(409);
      assertThat(own.body()).contains("already holds a store");

      Path target = dir.resolve("restored");
      HttpResponse<String> restored =
          f.post(
              "/api/v1/backups/" + id + "/restore",
              f.admin,
              "{\"to\":\"" + target.toAbsolutePath() + "\"}");
      assertThat(restored.statusCode()).as(restored.body()).isEqualTo(200);
      assertThat(restored.body()).contains("integrity check: ok");
      assertThat(target.resolve("defaults.db")).exists();

      assertThat(
              f.post("/api/v1/defaults", f.editor, "{\"key\":\"later\",\"value\":\"x\"}")
                  .statusCode())
          .isEqualTo(201);
      HttpResponse<String> inc = f.post("/api/v1/backups", f.admin, "{\"kind\":\"incremental\"}");
      assertThat(inc.statusCode()).as(inc.body()).isEqualTo(201);
      assertThat(f.body(inc).get("base").asText()).isEqualTo(id);
      HttpResponse<String> atMoment =
          f.post(
              "/api/v1/backups/restore",
              f.admin,
              "{\"to\":\""
                  + dir.resolve("at").toAbsolutePath()
                  + "\",\"at\":\""
                  + f.body(inc).get("to").asText()
                  + "\"}");
      assertThat(atMoment.statusCode()).as(atMoment.body()).isEqualTo(200);
      assertThat(atMoment.body()).contains("replayed 1 changes");

      String metrics = f.get("/metrics", f.reader).body();
      assertThat(metrics)
          .containsPattern("plandev_backup_last_success_timestamp_seconds\\{kind=\"full\"} \\d")
          .containsPattern("plandev_backup_age_seconds\\{kind=\"full\"} \\d")
          .containsPattern("plandev_backup_size_bytes\\{kind=\"full\"} \\d")
          .contains("plandev_backup_schedule_seconds{kind=\"full\"} 604800.0")
          .contains("plandev_backup_schedule_seconds{kind=\"incremental\"} 21600.0")
          .containsPattern("plandev_backup_size_bytes\\{kind=\"incremental\"} \\d")
          .contains("plandev_backup_verify_success ")
          .containsPattern("plandev_disk_free_bytes\\{dir=\"data\"} \\d")
          .containsPattern("plandev_disk_used_ratio\\{dir=\"backup\"} 0\\.");
      JsonNode health = f.body(f.get("/health", f.reader));
      assertThat(health.get("checks").get("backup").get("full").asText()).isEqualTo(id);
      assertThat(health.get("checks").get("disk").has("dataFreeBytes")).isTrue();
    }
  }

  @Test
  void anIncrementalWithoutAFullBackup_isTheCallersConflict() throws Exception {
    try (ServerFixture f = new ServerFixture(dir.resolve("data"))) {
      HttpResponse<String> inc = f.post("/api/v1/backups", f.admin, "{\"kind\":\"incremental\"}");
      assertThat(inc.statusCode()).as(inc.body()).isEqualTo(409);
      assertThat(inc.body()).contains("take a full backup first");
    }
  }

  @Test
  void health_warnsWhenTheLastBackupIsOlderThanTwiceItsSchedule() throws Exception {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (ServerFixture f = new ServerFixture(dir.resolve("data"), Map.of(), Map.of(), clock)) {
      assertThat(f.post("/api/v1/backups", f.admin, "").statusCode()).isEqualTo(201);
      clock.advance(Duration.ofHours(11));
      assertThat(f.post("/api/v1/backups", f.admin, "{\"kind\":\"incremental\"}").statusCode())
          .isEqualTo(201);
      JsonNode fresh = f.body(f.get("/health", f.reader));
      assertThat(fresh.get("checks").get("backup").get("status").asText()).isEqualTo("UP");
      clock.advance(Duration.ofDays(15)); // more than twice the weekly schedule
      JsonNode late = f.body(f.get("/health", f.reader));
      assertThat(late.get("checks").get("backup").get("status").asText()).isEqualTo("WARN");
      assertThat(late.get("checks").get("backup").get("fullDetail").asText())
          .contains("older than twice backup.fullSchedule");
      assertThat(late.get("checks").get("backup").get("incrementalDetail").asText())
          .contains("older than twice backup.incrementalSchedule");
      assertThat(late.get("status").asText()).isEqualTo("DEGRADED");
    }
    assertThat(Files.list(dir.resolve("data").resolve("backups")).count()).isEqualTo(2);
  }

  @Test
  void theLastVerification_survivesARestart_inMetricsAndHealth() throws Exception {
    Path data = dir.resolve("data");
    String id;
    try (ServerFixture f = new ServerFixture(data)) {
      f.post("/api/v1/defaults", f.editor, "{\"key\":\"k\",\"value\":\"v\"}");
      id = f.body(f.post("/api/v1/backups", f.admin, "")).get("id").asText();
      assertThat(f.get("/metrics", f.reader).body()).contains("plandev_backup_verify_success NaN");
      Path file = data.resolve("backups").resolve(id).resolve("defaults.db.zst");
      byte[] bytes = Files.readAllBytes(file);
      bytes[bytes.length / 2] ^= 0x10;
      Files.write(file, bytes);
      JsonNode verify = f.body(f.post("/api/v1/backups/" + id + "/verify", f.admin, ""));
      assertThat(verify.get("valid").asBoolean()).isFalse();
      assertThat(f.get("/metrics", f.reader).body()).contains("plandev_backup_verify_success 0.0");
    }
    // A new service on the same backups (a data directory of its own, where it makes its own API
    // keys): the result, its backup and its text are still known.
    Map<String, String> sameBackups =
        Map.of("backup.dir", data.resolve("backups").toAbsolutePath().toString());
    try (ServerFixture f = new ServerFixture(dir.resolve("restarted"), sameBackups)) {
      assertThat(f.get("/metrics", f.reader).body()).contains("plandev_backup_verify_success 0.0");
      JsonNode backup = f.body(f.get("/health", f.reader)).get("checks").get("backup");
      assertThat(backup.get("status").asText()).isEqualTo("WARN");
      assertThat(backup.get("verify").asText())
          .contains("backup " + id + " is damaged")
          .contains("defaults.db.zst")
          .contains("(verified ");
    }
  }
}
