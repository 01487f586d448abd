package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultsApiTest {
  @TempDir Path dir;
  ServerFixture f;

  @BeforeEach
  void start() {
    f = new ServerFixture(dir);
  }

  @AfterEach
  void stop() {
    f.close();
  }

  HttpResponse<String> create(String body) {
    return f.post("/api/v1/defaults", f.editor, body);
  }

  @Test
  void create_returns201_locationAndEtag_thenReadWithConditionalGet() {
    HttpResponse<String> r =
        create("{\"key\":\"db.port\",\"value\":5432,\"context\":{\"env\":\"prod\"}}");
    assertThat(r.statusCode()).isEqualTo(201);
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/api/v1/defaults/\\d+");
    assertThat(r.headers().firstValue("ETag")).contains("\"1\"");
    JsonNode e = f.body(r);
    assertThat(e.get("value").isInt()).isTrue();
    assertThat(e.get("valueType").asText()).isEqualTo("integer");

    HttpResponse<String> read = f.get(location, f.reader);
    assertThat(read.statusCode()).isEqualTo(200);
    HttpResponse<String> again =
        f.send(f.request(location, f.reader).header("If-None-Match", "\"1\"").GET().build());
    assertThat(again.statusCode()).isEqualTo(304);
  }

  @Test
  void updates_needIfMatch_andStaleVersionsGet412() {
    String location =
        create("{\"key\":\"k\",\"value\":\"a\"}").headers().firstValue("Location").orElseThrow();
    HttpResponse<String> noMatch =
        f.send(
            f.request(location, f.editor)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"value\":\"b\"}"))
                .build());
    assertThat(noMatch.statusCode()).isEqualTo(428);
    HttpResponse<String> ok =
        f.send(
            f.request(location, f.editor)
                .header("If-Match", "\"1\"")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"value\":\"b\"}"))
                .build());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("ETag")).contains("\"2\"");
    HttpResponse<String> stale =
        f.send(
            f.request(location, f.editor)
                .header("If-Match", "\"1\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"value\":\"c\"}"))
                .build());
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(f.body(stale).get("detail").asText())
        .contains("version 2")
        .contains("based on version 1");
    HttpResponse<String> patched =
        f.send(
            f.request(location, f.editor)
                .header("If-Match", "\"2\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"value\":\"c\"}"))
                .build());
    assertThat(f.body(patched).get("value").asText()).isEqualTo("c");
    assertThat(f.body(patched).get("key").asText()).isEqualTo("k");
    assertThat(f.send(f.request(location, f.editor).DELETE().build()).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = f.get(location, f.reader);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(f.body(gone).get("title").asText()).isEqualTo("Not found");
  }

  @Test
  void list_pagesWithTotalAndLinks_sortsAndFilters() {
    for (int i = 0; i < 7; i++) {
      create(
          "{\"key\":\"svc.k"
              + i
              + "\",\"value\":\"v\",\"context\":{\"env\":\""
              + (i % 2 == 0 ? "prod" : "dev")
              + "\"}}");
    }
    create("{\"key\":\"other\",\"value\":\"v\",\"deprecated\":true}");
    create("{\"key\":\"token\",\"value\":\"s\",\"secret\":true}");
    assertThat(
            f.body(f.get("/api/v1/defaults?filter[secret]=true", f.reader))
                .at("/items/0/key")
                .asText())
        .isEqualTo("token");
    assertThat(
            f.body(f.get("/api/v1/defaults?filter[secret]=false", f.reader)).get("total").asInt())
        .isEqualTo(8);
    HttpResponse<String> p1 =
        f.get("/api/v1/defaults?limit=3&filter[keyPrefix]=svc.&sort=key:desc", f.reader);
    JsonNode b = f.body(p1);
    assertThat(b.get("total").asInt()).isEqualTo(7);
    assertThat(b.get("items").size()).isEqualTo(3);
    assertThat(b.at("/items/0/key").asText()).isEqualTo("svc.k6");
    assertThat(b.at("/links/next").asText()).contains("page=2").contains("limit=3");
    assertThat(p1.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");
    assertThat(
            f.body(f.get("/api/v1/defaults?filter[context.env]=prod", f.reader))
                .get("total")
                .asInt())
        .isEqualTo(4);
    assertThat(
            f.body(f.get("/api/v1/defaults?filter[deprecated]=true", f.reader))
                .get("total")
                .asInt())
        .isEqualTo(1);
    HttpResponse<String> bad = f.get("/api/v1/defaults?filter[color]=red", f.reader);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(f.body(bad).get("detail").asText()).contains("unknown filter 'color'");
    assertThat(f.get("/api/v1/defaults?limit=5000", f.reader).statusCode()).isEqualTo(422);
    String etag = p1.headers().firstValue("ETag").orElseThrow();
    assertThat(
            f.send(
                    f.request(
                            "/api/v1/defaults?limit=3&filter[keyPrefix]=svc.&sort=key:desc",
                            f.reader)
                        .header("If-None-Match", etag)
                        .GET()
                        .build())
                .statusCode())
        .isEqualTo(304);
  }

  @Test
  void resolve_mostSpecificContext_andSecretsRevealedOnlyThere() {
    create("{\"key\":\"db.host\",\"value\":\"localhost\"}");
    create("{\"key\":\"db.host\",\"value\":\"db.prod\",\"context\":{\"env\":\"prod\"}}");
    create("{\"key\":\"db.pass\",\"value\":\"hunter2\",\"secret\":true}");
    JsonNode r =
        f.body(
            f.get(
                "/api/v1/defaults/resolve?key=db.host&context[env]=prod&context[user]=ada",
                f.reader));
    assertThat(r.get("value").asText()).isEqualTo("db.prod");
    assertThat(r.get("matchedFields").asInt()).isEqualTo(1);
    assertThat(
            f.body(f.get("/api/v1/defaults/resolve?key=db.pass", f.reader)).get("value").asText())
        .isEqualTo("hunter2");
    assertThat(f.get("/api/v1/defaults?filter[keyPrefix]=db.pass", f.reader).body())
        .doesNotContain("hunter2")
        .contains("********");
    HttpResponse<String> none = f.get("/api/v1/defaults/resolve?key=nope", f.reader);
    assertThat(none.statusCode()).isEqualTo(404);
    assertThat(f.get("/api/v1/defaults/resolve", f.reader).statusCode()).isEqualTo(422);
  }

  @Test
  void resolve_repeatsItsRenderedAnswer_untilAWriteChangesIt() {
    String location =
        create("{\"key\":\"ui.theme\",\"value\":\"dark\",\"context\":{\"team\":\"r&d\"}}")
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String path = "/api/v1/defaults/resolve?key=ui.theme&context%5Bteam%5D=r%26d";
    HttpResponse<String> first = f.get(path, f.reader);
    HttpResponse<String> second = f.get(path, f.reader);
    assertThat(f.body(first).get("value").asText()).isEqualTo("dark");
    assertThat(second.body()).isEqualTo(first.body());
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(second.headers().firstValue("ETag")).contains(etag);
    assertThat(
            f.send(f.request(path, f.reader).header("If-None-Match", etag).GET().build())
                .statusCode())
        .isEqualTo(304);

    HttpResponse<String> put =
        f.send(
            f.request(location, f.editor)
                .header("If-Match", "\"1\"")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"key\":\"ui.theme\",\"value\":\"light\",\"context\":{\"team\":\"r&d\"}}"))
                .build());
    assertThat(put.statusCode()).isEqualTo(200);
    HttpResponse<String> after = f.get(path, f.reader);
    assertThat(f.body(after).get("value").asText()).isEqualTo("light");
    assertThat(after.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
    assertThat(f.get(path + "&context[team]=ops", f.reader).body())
        .as("the first of a repeated name wins")
        .contains("light");
    assertThat(f.get("/api/v1/defaults/resolve?key=ui.theme&team=ops", f.reader).statusCode())
        .isEqualTo(400);
  }

  @Test
  void batch_perItemResults_limitAndAtomic() {
    HttpResponse<String> r =
        f.post(
            "/api/v1/defaults/batch",
            f.editor,
            "{\"items\":[{\"key\":\"a\",\"value\":1},{\"key\":\"bad key\",\"value\":1},{\"op\":\"delete\",\"key\":\"ghost\"}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode items = f.body(r).get("items");
    assertThat(items.get(0).get("status").asText()).isEqualTo("created");
    assertThat(items.get(1).get("status").asText()).isEqualTo("failed");
    assertThat(items.get(1).get("error").asText()).contains("key: must be");
    assertThat(items.get(2).get("error").asText()).contains("no entry for key ghost");
    HttpResponse<String> malformed =
        f.post(
            "/api/v1/defaults/batch", f.editor, "{\"items\":[{\"op\":\"merge\",\"key\":\"a\"}]}");
    assertThat(malformed.statusCode()).isEqualTo(422);
    assertThat(f.body(malformed).at("/errors/0/field").asText()).isEqualTo("items[0].op");
    HttpResponse<String> atomic =
        f.post(
            "/api/v1/defaults/batch",
            f.editor,
            "{\"atomic\":true,\"items\":[{\"key\":\"b\",\"value\":1},{\"op\":\"delete\",\"key\":\"ghost\"}]}");
    assertThat(atomic.statusCode()).isEqualTo(422);
    assertThat(f.body(atomic).get("applied").asBoolean()).isFalse();
    StringBuilder big = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 1001; i++) {
      big.append(i == 0 ? "" : ",").append("{\"key\":\"k").append(i).append("\",\"value\":1}");
    }
    assertThat(f.post("/api/v1/defaults/batch", f.editor, big.append("]}").toString()).statusCode())
        .isEqualTo(413);
  }

  @Test
  void predictAndFeedback_roundTrip() {
    for (int i = 0; i < 3; i++) {
      assertThat(
              f.post(
                      "/api/v1/defaults/feedback",
                      f.editor,
                      "{\"key\":\"plan.author\",\"value\":\"Ada\",\"context\":{\"user\":\"u\"}}")
                  .statusCode())
          .isEqualTo(201);
    }
    JsonNode p =
        f.body(
            f.post(
                "/api/v1/defaults/predict",
                f.reader,
                "{\"key\":\"plan.author\",\"context\":{\"user\":\"u\"}}"));
    assertThat(p.at("/predictions/0/value").asText()).isEqualTo("Ada");
    assertThat(p.at("/predictions/0/confidence").asDouble()).isPositive();
    assertThat(
            f.post("/api/v1/defaults/feedback", f.reader, "{\"key\":\"k\",\"value\":\"v\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void exportImport_andChangesCarryKeyNameAndCorrelationId() {
    HttpResponse<String> created =
        f.send(
            f.request("/api/v1/defaults", f.editor)
                .header("X-Correlation-Id", "trace-123")
                .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"x\",\"value\":\"1\"}"))
                .build());
    assertThat(created.headers().firstValue("X-Correlation-Id")).contains("trace-123");
    JsonNode changes = f.body(f.get("/api/v1/changes?key=x", f.reader));
    assertThat(changes.at("/items/0/actor").asText()).isEqualTo("editor");
    assertThat(changes.at("/items/0/correlationId").asText()).isEqualTo("trace-123");
    HttpResponse<String> csv = f.get("/api/v1/defaults/export?format=csv", f.reader);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    HttpResponse<String> imp =
        f.send(
            f.request("/api/v1/defaults/import?format=csv", f.editor)
                .POST(HttpRequest.BodyPublishers.ofString(csv.body().replace("x,1", "y,2")))
                .build());
    assertThat(imp.statusCode()).as(imp.body()).isEqualTo(200);
    assertThat(f.body(f.get("/api/v1/defaults/resolve?key=y", f.reader)).get("value").asText())
        .isEqualTo("2");
    assertThat(f.body(f.get("/api/v1/stats", f.reader)).at("/store/entries").asInt()).isEqualTo(2);
  }
}
