package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.testing.TestClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors, auth, limits and headers: what every client of the service relies on. */
class HttpBehaviourTest {
  @TempDir Path dir;

  @Test
  void openRoutes_andAuthRoles() {
    try (ServerFixture f = new ServerFixture(dir)) {
      assertThat(f.get("/health", null).statusCode()).isEqualTo(200);
      assertThat(f.body(f.get("/health", null)).at("/checks/database/status").asText())
          .isEqualTo("UP");
      assertThat(f.get("/ready", null).statusCode()).isEqualTo(200);
      HttpResponse<String> anonymous = f.get("/api/v1/defaults", null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
          .contains("Bearer realm=\"plandev\"");
      assertThat(f.get("/api/v1/defaults", "pdk_wrong").statusCode()).isEqualTo(401);
      HttpResponse<String> forbidden =
          f.post("/api/v1/defaults", f.reader, "{\"key\":\"k\",\"value\":1}");
      assertThat(forbidden.statusCode()).isEqualTo(403);
      assertThat(f.body(forbidden).get("detail").asText())
          .contains("role reader")
          .contains("needs editor");
      assertThat(f.get("/api/v1/api-keys", f.editor).statusCode()).isEqualTo(403);
      assertThat(f.get("/api/v1/api-keys", f.admin).statusCode()).isEqualTo(200);
      assertThat(f.get("/metrics", null).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void head_answersAsGetWould_withoutTheBody() {
    try (ServerFixture f = new ServerFixture(dir)) {
      f.post("/api/v1/defaults", f.editor, "{\"key\":\"db.host\",\"value\":\"x\"}");
      String path = "/api/v1/defaults/resolve?key=db.host";
      HttpResponse<String> get = f.get(path, f.reader);
      HttpResponse<String> head =
          f.send(
              f.request(path, f.reader)
                  .method("HEAD", HttpRequest.BodyPublishers.noBody())
                  .build());
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(head.headers().firstValue("ETag")).isEqualTo(get.headers().firstValue("ETag"));
      assertThat(head.headers().firstValue("Content-Length"))
          .contains(Integer.toString(get.body().length()));
      assertThat(
              f.send(
                      f.request("/api/v1/defaults/resolve?key=nope", f.reader)
                          .method("HEAD", HttpRequest.BodyPublishers.noBody())
                          .build())
                  .statusCode())
          .isEqualTo(404);
      assertThat(
              f.send(
                      f.request(path, null)
                          .method("HEAD", HttpRequest.BodyPublishers.noBody())
                          .build())
                  .statusCode())
          .isEqualTo(401);
      assertThat(
              f.send(
                      f.request("/health", null)
                          .method("HEAD", HttpRequest.BodyPublishers.noBody())
                          .build())
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void badInput_isNever500_andNeverAStackTrace() {
    try (ServerFixture f = new ServerFixture(dir, Map.of("server.maxBodyBytes", "2048"))) {
      HttpResponse<String> malformed = f.post("/api/v1/defaults", f.editor, "{\"key\": ");
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertProblem(f, malformed);
      HttpResponse<String> invalid =
          f.post(
              "/api/v1/defaults",
              f.editor,
              "{\"key\":\"k\",\"value\":\"x\",\"valueType\":\"integer\",\"colour\":1}");
      assertThat(invalid.statusCode()).isEqualTo(422);
      assertThat(f.body(invalid).get("errors").toString())
          .contains("colour")
          .contains("known fields");
      HttpResponse<String> badValue =
          f.post(
              "/api/v1/defaults",
              f.editor,
              "{\"key\":\"k\",\"value\":\"x\",\"valueType\":\"integer\"}");
      assertThat(badValue.statusCode()).isEqualTo(422);
      JsonNode errors = f.body(badValue).get("errors");
      assertThat(errors.get(0).get("field").asText()).isEqualTo("value");
      assertThat(errors.get(0).get("message").asText()).contains("whole number");
      HttpResponse<String> unknown = f.get("/api/v1/nothing", f.reader);
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertProblem(f, unknown);
      HttpResponse<String> wrongMethod = f.send(f.request("/health", null).DELETE().build());
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertProblem(f, wrongMethod);
      HttpResponse<String> huge =
          f.post(
              "/api/v1/defaults",
              f.editor,
              "{\"key\":\"k\",\"value\":\"" + "x".repeat(5000) + "\"}");
      assertThat(huge.statusCode()).isEqualTo(413);
      assertProblem(f, huge);
      assertThat(f.get("/api/v1/defaults/abc", f.reader).statusCode()).isEqualTo(404);
    }
  }

  private static void assertProblem(ServerFixture f, HttpResponse<String> r) {
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode p = f.body(r);
    assertThat(p.get("status").asInt()).isEqualTo(r.statusCode());
    assertThat(p.get("title").asText()).isNotBlank();
    assertThat(p.get("correlationId").asText())
        .isEqualTo(r.headers().firstValue("X-Correlation-Id").orElseThrow());
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void rateLimit_perKey_answers429WithRetryAfter() {
    // The clock stands still, so no token comes back between requests: exactly the burst passes.
    try (ServerFixture f =
        new ServerFixture(
            dir,
            Map.of("server.rateLimit", "1", "server.rateBurst", "3"),
            Map.of(),
            new TestClock())) {
      int limited = 0;
      for (int i = 0; i < 6; i++) {
        HttpResponse<String> r = f.get("/api/v1/defaults", f.reader);
        if (r.statusCode() == 429) {
          limited++;
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
        }
      }
      assertThat(limited).as("6 requests, a burst of 3").isEqualTo(3);
      assertThat(f.get("/api/v1/defaults", f.editor).statusCode())
          .as("another key has its own bucket")
          .isEqualTo(200);
    }
  }

  @Test
  void securityHeaders_andCorsOffByDefault() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> r =
          f.send(
              f.request("/api/v1/defaults", f.reader)
                  .header("Origin", "http://evil.example")
                  .GET()
                  .build());
      assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(r.headers().firstValue("Server")).isEmpty();
    }
    try (ServerFixture f =
        new ServerFixture(
            dir.resolve("cors"), Map.of("server.corsOrigins", "http://app.example"))) {
      HttpResponse<String> r =
          f.send(
              f.request("/api/v1/defaults", f.reader)
                  .header("Origin", "http://app.example")
                  .GET()
                  .build());
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin"))
          .contains("http://app.example");
    }
  }

  @Test
  void metrics_haveLatencyHistogramsByRouteTemplate() {
    try (ServerFixture f = new ServerFixture(dir)) {
      f.post("/api/v1/defaults", f.editor, "{\"key\":\"k\",\"value\":1}");
      f.get("/api/v1/defaults/1", f.reader);
      f.get("/api/v1/defaults/999", f.reader);
      String m = f.get("/metrics", f.reader).body();
      assertThat(m)
          .contains("http_server_requests_seconds_bucket{")
          .contains("route=\"/api/v1/defaults/{id}\"");
      assertThat(m).contains("status=\"404\"").contains("http_server_errors_total");
      assertThat(m).contains("plandev_store_entries").contains("jvm_memory_used_bytes");
      assertThat(m)
          .contains("plandev_store_writes_total")
          .contains("plandev_store_transactions_total");
    }
  }

  @Test
  void docs_andOpenApiAreServed() {
    try (ServerFixture f = new ServerFixture(dir)) {
      assertThat(f.body(f.get("/openapi.json", null)).get("openapi").asText()).isEqualTo("3.1.0");
      assertThat(f.get("/docs", null).body()).contains("swagger-ui-bundle.js");
      assertThat(f.get("/docs/assets/swagger-ui-bundle.js", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void keysApi_createAndRevoke() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> c =
          f.post("/api/v1/api-keys", f.admin, "{\"name\":\"bot\",\"role\":\"reader\"}");
      assertThat(c.statusCode()).isEqualTo(201);
      String secret = f.body(c).get("secret").asText();
      assertThat(f.get("/api/v1/defaults", secret).statusCode()).isEqualTo(200);
      assertThat(f.send(f.request("/api/v1/api-keys/bot", f.admin).DELETE().build()).statusCode())
          .isEqualTo(204);
      assertThat(f.get("/api/v1/defaults", secret).statusCode()).isEqualTo(401);
      assertThat(f.body(f.get("/api/v1/changes", f.reader)).toString()).contains("api_key");
      HttpRequest r = f.request("/api/v1/api-keys", f.admin).GET().build();
      assertThat(f.send(r).body()).doesNotContain(secret);
    }
  }

  @Test
  void keysApi_revokeByAnAmbiguousReference_isRefusedWithTheCandidates() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> c =
          f.post("/api/v1/api-keys", f.admin, "{\"name\":\"bot\",\"role\":\"reader\"}");
      long id = f.body(c).get("key").get("id").asLong();
      assertThat(c.headers().firstValue("Location")).contains("/api/v1/api-keys/id:" + id);
      String named = "{\"name\":\"" + id + "\",\"role\":\"reader\"}";
      assertThat(f.post("/api/v1/api-keys", f.admin, named).statusCode()).isEqualTo(201);

      HttpResponse<String> ambiguous =
          f.send(f.request("/api/v1/api-keys/" + id, f.admin).DELETE().build());
      assertThat(ambiguous.statusCode()).isEqualTo(422);
      assertThat(ambiguous.body())
          .contains("matches more than one API key")
          .contains("name bot")
          .contains("id:" + id + " or name:" + id);
      assertThat(
              f.send(f.request("/api/v1/api-keys/name:" + id, f.admin).DELETE().build())
                  .statusCode())
          .isEqualTo(204);
      assertThat(
              f.send(f.request("/api/v1/api-keys/id:" + id, f.admin).DELETE().build()).statusCode())
          .isEqualTo(204);
      assertThat(f.get("/api/v1/defaults", f.body(c).get("secret").asText()).statusCode())
          .as("bot is revoked")
          .isEqualTo(401);
    }
  }
}
