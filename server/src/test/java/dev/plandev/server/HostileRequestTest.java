package dev.plandev.server;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests crafted to trick the service: each must be refused or ignored, never obeyed. */
class HostileRequestTest {
  @TempDir Path dir;

  @Test
  void methodOverrideHeader_isIgnored_getStaysAGet() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> created =
          f.post("/api/v1/defaults", f.editor, "{\"key\":\"db.host\",\"value\":\"x\"}");
      String id = f.body(created).get("id").asText();
      HttpResponse<String> get =
          f.send(
              f.request("/api/v1/defaults/" + id, f.admin)
                  .header("X-HTTP-Method-Override", "DELETE")
                  .GET()
                  .build());
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(f.body(get).get("key").asText()).isEqualTo("db.host");
      assertThat(f.get("/api/v1/defaults/" + id, f.reader).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void unknownCharset_isA4xxProblem() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> r =
          f.send(
              f.request("/api/v1/defaults", f.editor)
                  .header("Content-Type", "application/json; charset=bogus")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"k\",\"value\":1}"))
                  .build());
      assertPlainProblem(f, r);
      assertThat(f.body(r).get("detail").asText()).contains("UTF-8");
    }
  }

  @Test
  void brokenPercentEscape_isA400_withOrWithoutKey() {
    try (ServerFixture f = new ServerFixture(dir)) {
      for (String key : new String[] {null, f.reader}) {
        RawResponse r = RawResponse.get(f.server.port(), "/api/v1/defaults/%u002e", key);
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.text())
            .containsIgnoringCase("content-type: application/problem+json")
            .contains("correlationId")
            .doesNotContain("Exception")
            .doesNotContain("java.");
      }
    }
  }

  @Test
  void csvWithABrokenQuote_isA4xxProblem() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> r = importFile(f, "csv", "key,value\n\"db.host,x\n".getBytes(UTF_8));
      assertPlainProblem(f, r);
    }
  }

  @Test
  void invalidUtf8InAnImport_isA4xxProblem_notStorageUnavailable() {
    try (ServerFixture f = new ServerFixture(dir)) {
      Map<String, String> files =
          Map.of(
              "json", "[{\"key\":\"k\",\"value\":\"\u00ff\"}]",
              "yaml", "- key: k\n  value: \u00ff\n",
              "csv", "key,value\nk,\u00ff\n");
      for (Map.Entry<String, String> file : files.entrySet()) {
        String format = file.getKey();
        HttpResponse<String> r = importFile(f, format, brokenUtf8(file.getValue()));
        assertPlainProblem(f, r);
        assertThat(f.body(r).toString()).as(format).contains("UTF-8");
      }
    }
  }

  @Test
  void importOfTheWrongShape_saysSoWithoutJavaTypes() {
    try (ServerFixture f = new ServerFixture(dir)) {
      assertPlainProblem(f, importFile(f, "yaml", "key: db.host\nvalue: x\n".getBytes(UTF_8)));
      assertPlainProblem(f, importFile(f, "json", "{\"key\":\"db.host\"}".getBytes(UTF_8)));
      assertPlainProblem(f, importFile(f, "yaml", "- [1, 2]\n".getBytes(UTF_8)));
    }
  }

  /** The text as UTF-8, with the second byte of each 'ÿ' (C3 BF) replaced by '(' (C3 28). */
  private static byte[] brokenUtf8(String text) {
    byte[] bytes = text.getBytes(UTF_8);
    for (int i = 1; i < bytes.length; i++) {
      if (bytes[i - 1] == (byte) 0xC3 && bytes[i] == (byte) 0xBF) {
        bytes[i] = '(';
      }
    }
    return bytes;
  }

  private static HttpResponse<String> importFile(ServerFixture f, String format, byte[] body) {
    return f.send(
        f.request("/api/v1/defaults/import?format=" + format, f.editor)
            .header("Content-Type", "application/octet-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** A 400 or 422 problem whose text names no Java type and carries no trace. */
  private static void assertPlainProblem(ServerFixture f, HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isIn(400, 415, 422);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .as(r.body())
        .startsWith("application/problem+json");
    assertThat(r.body())
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("jackson")
        .doesNotContain("\tat ");
    assertThat(f.body(r).get("correlationId").asText()).isNotBlank();
  }
}
