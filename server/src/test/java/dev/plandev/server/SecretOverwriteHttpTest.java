package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: a secret overwritten through the API without saying {@code secret} stays secret, by
 * POST (upsert), PUT, PATCH and batch; only an explicit {@code "secret": false} makes it plain, and
 * only with an admin key.
 */
class SecretOverwriteHttpTest {
  @TempDir Path dir;
  ServerFixture f;
  String location;

  @BeforeEach
  void start() {
    f = new ServerFixture(dir);
    HttpResponse<String> created =
        f.post(
            "/api/v1/defaults",
            f.editor,
            "{\"key\":\"db.pass\",\"value\":\"old1\",\"secret\":true}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    location = created.headers().firstValue("Location").orElseThrow();
  }

  @AfterEach
  void stop() {
    f.close();
  }

  private String listed() {
    return f.get("/api/v1/defaults?filter[keyPrefix]=db.pass", f.reader).body();
  }

  private HttpResponse<String> write(String method, String path, String body) {
    return write(f.editor, method, path, body);
  }

  private HttpResponse<String> write(String key, String method, String path, String body) {
    return f.send(
        f.request(path, key)
            .header("Content-Type", "application/json")
            .header("If-Match", f.get(location, f.reader).headers().firstValue("ETag").orElse(""))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void putWithoutSecret_keepsTheValueSecret() {
    HttpResponse<String> put = write("PUT", location, "{\"key\":\"db.pass\",\"value\":\"new2\"}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(listed()).doesNotContain("new2").contains("\"secret\":true");
  }

  @Test
  void patchAndBatchWithoutSecret_keepTheValueSecret() {
    HttpResponse<String> patch = write("PATCH", location, "{\"value\":\"new3\"}");
    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
    HttpResponse<String> batch =
        f.post(
            "/api/v1/defaults/batch",
            f.editor,
            "{\"items\":[{\"op\":\"upsert\",\"key\":\"db.pass\",\"value\":\"new4\"}]}");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
    assertThat(listed()).doesNotContain("new3").doesNotContain("new4").contains("\"secret\":true");
  }

  @Test
  void explicitSecretFalse_byAnAdmin_makesItPlain() {
    HttpResponse<String> put =
        write(
            f.admin, "PUT", location, "{\"key\":\"db.pass\",\"value\":\"open5\",\"secret\":false}");
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(listed()).contains("open5");
  }

  @Test
  void explicitSecretFalse_byAnEditor_isForbidden_byPutPatchAndBatch() {
    HttpResponse<String> put =
        write("PUT", location, "{\"key\":\"db.pass\",\"value\":\"open6\",\"secret\":false}");
    HttpResponse<String> patch = write("PATCH", location, "{\"secret\":false}");
    HttpResponse<String> batch =
        f.post(
            "/api/v1/defaults/batch",
            f.editor,
            "{\"items\":[{\"op\":\"upsert\",\"key\":\"db.pass\",\"value\":\"open7\","
                + "\"secret\":false}]}");
    for (HttpResponse<String> r : List.of(put, patch, batch)) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(f.body(r).get("detail").asText())
          .contains("admin key is needed to make a secret entry plain");
    }
    assertThat(listed()).doesNotContain("open").contains("\"secret\":true");
  }

  @Test
  void secretFalse_onAPlainEntry_staysAnEditorsRight() {
    HttpResponse<String> plain =
        f.post("/api/v1/defaults", f.editor, "{\"key\":\"db.user\",\"value\":\"u\"}");
    String at = plain.headers().firstValue("Location").orElseThrow();
    HttpResponse<String> patch = write("PATCH", at, "{\"value\":\"u2\",\"secret\":false}");
    assertThat(patch.statusCode()).as(patch.body()).isEqualTo(200);
    HttpResponse<String> batch =
        f.post(
            "/api/v1/defaults/batch",
            f.editor,
            "{\"items\":[{\"key\":\"db.user\",\"value\":\"u3\",\"secret\":false}]}");
    assertThat(batch.statusCode()).as(batch.body()).isEqualTo(200);
  }
}
