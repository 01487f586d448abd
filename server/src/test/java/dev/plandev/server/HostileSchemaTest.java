package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.testing.BaitServers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red team's reproductions of issue 13 ("Hostile input and data safety") through the real
 * service, with the editor key: a {@code valueSchema} that names the network or a file, and values
 * or schemas whose numbers or shape would burn CPU. Each must be answered promptly with a 422
 * problem naming the field in plain words, never a 500, and must reach nothing outside.
 */
class HostileSchemaTest {
  private static final Duration PROMPTLY = Duration.ofSeconds(10);
  private static final String ONLY_ITSELF = "a value schema may only refer to itself ('#/…')";

  @TempDir Path dir;
  private ServerFixture f;
  private final BaitServers outside = new BaitServers();

  @BeforeEach
  void start() {
    f = new ServerFixture(dir.resolve("data"));
  }

  @AfterEach
  void stop() throws Exception {
    outside.close();
    f.close();
  }

  @Test
  void refToAnInternalUrl_isRefused_andTheServerRequestsNothing() {
    AtomicInteger hits = new AtomicInteger();
    String base = outside.counting(hits);
    String ref = base + "/internal?token=1";
    HttpResponse<String> r =
        create("{\"key\":\"x.s\",\"value\":\"x\",\"valueSchema\":{\"$ref\":\"" + ref + "\"}}");
    JsonNode error = refused(r, "valueSchema");
    assertThat(error.get("message").asText())
        .startsWith("$ref 'http://127.0.0.1:")
        .endsWith("' is not allowed; " + ONLY_ITSELF);
    for (String schema :
        List.of(
            "{\"$dynamicRef\":\"" + base + "/d\"}",
            "{\"$schema\":\"" + base + "/meta\"}",
            "{\"$id\":\"" + base + "/a/\",\"$ref\":\"b.json\"}",
            "{\"properties\":{\"p\":{\"$ref\":\"" + base + "/p\"}}}")) {
      refused(
          create("{\"key\":\"x.s\",\"value\":\"x\",\"valueSchema\":" + schema + "}"),
          "valueSchema");
    }
    assertThat(hits).as("requests the service made to the URL").hasValue(0);
  }

  @Test
  void refToAServerThatNeverAnswers_isRefusedPromptly_again_andAgain() throws IOException {
    AtomicInteger accepted = new AtomicInteger();
    String ref = outside.silent(accepted) + "/slow";
    for (int i = 0; i < 5; i++) {
      refused(
          create("{\"key\":\"x.s\",\"value\":\"x\",\"valueSchema\":{\"$ref\":\"" + ref + "\"}}"),
          "valueSchema");
    }
    assertThat(accepted).as("connections the service opened").hasValue(0);
  }

  @Test
  void refToAFile_isRefused_andItsContentNeverShows() throws IOException {
    String marker = "MARKER-5d1e07";
    Path file = dir.resolve("c.json");
    Files.writeString(file, "{\"const\":\"" + marker + "\"} " + marker, StandardCharsets.UTF_8);
    for (String ref : List.of(file.toUri().toString(), "file:///etc/passwd")) {
      HttpResponse<String> r =
          create("{\"key\":\"x.s\",\"value\":\"x\",\"valueSchema\":{\"$ref\":\"" + ref + "\"}}");
      assertThat(refused(r, "valueSchema").get("message").asText())
          .startsWith("$ref 'file:")
          .endsWith(ONLY_ITSELF);
      assertThat(r.body()).doesNotContain(marker).doesNotContain("root:");
    }
  }

  @Test
  void hugeNumberValue_isRefusedBeforeAnyArithmetic() {
    for (String n : List.of("1e100000", "1e1000000", "1e999999999")) {
      HttpResponse<String> r =
          create(
              "{\"key\":\"x.n\",\"value\":\""
                  + n
                  + "\",\"valueType\":\"number\",\"valueSchema\":{\"multipleOf\":0.0001}}");
      assertThat(refused(r, "value").get("message").asText())
          .as(n)
          .isEqualTo(
              "is out of range: a number may have at most 1000 digits and an exponent within"
                  + " ±1000; got '"
                  + n
                  + "'");
    }
  }

  @Test
  void hugeNumberInTheSchema_isRefused() {
    // As text, the schema reaches the engine as written.
    HttpResponse<String> text =
        create("{\"key\":\"x.n\",\"value\":3,\"valueSchema\":\"{\\\"multipleOf\\\":1e-100000}\"}");
    assertThat(refused(text, "valueSchema").get("message").asText())
        .startsWith("the number at /multipleOf is out of range");
    // As an object too: the API reads numbers exactly (issue 13), so 1e-100000 is not rounded to 0.
    HttpResponse<String> object =
        create("{\"key\":\"x.n\",\"value\":3,\"valueSchema\":{\"multipleOf\":1e-100000}}");
    assertThat(refused(object, "valueSchema").get("message").asText())
        .startsWith("the number at /multipleOf is out of range");
  }

  @Test
  void schemaThatNeverEnds_isRefused_notAFailure() {
    refused(
        create("{\"key\":\"x.s\",\"value\":\"x\",\"valueSchema\":{\"$ref\":\"#\"}}"),
        "valueSchema");
    StringBuilder defs = new StringBuilder("{\"$defs\":{");
    for (int i = 0; i < 40; i++) {
      String next = "{\"$ref\":\"#/$defs/a" + (i + 1) + "\"}";
      defs.append("\"a").append(i).append("\":{\"allOf\":[").append(next).append(',');
      defs.append(next).append("]},");
    }
    defs.append("\"a40\":{}},\"$ref\":\"#/$defs/a0\"}");
    refused(
        create("{\"key\":\"x.s\",\"value\":\"x\",\"valueSchema\":" + defs + "}"), "valueSchema");
  }

  @Test
  void schemaThatRefersToItself_isAccepted() {
    String schema =
        "{\"$defs\":{\"port\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":65535}},"
            + "\"$ref\":\"#/$defs/port\"}";
    HttpResponse<String> ok =
        create("{\"key\":\"db.port\",\"value\":5432,\"valueSchema\":" + schema + "}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
    HttpResponse<String> bad =
        create("{\"key\":\"db.port2\",\"value\":0,\"valueSchema\":" + schema + "}");
    assertThat(refused(bad, "value").get("message").asText())
        .startsWith("does not match valueSchema");
  }

  /** Creates a default with the editor key; the answer must come promptly. */
  private HttpResponse<String> create(String body) {
    return assertTimeoutPreemptively(
        PROMPTLY, () -> f.post("/api/v1/defaults", f.editor, body), body);
  }

  /** Asserts a 422 problem whose every error names the field; returns the first error. */
  private JsonNode refused(HttpResponse<String> r, String field) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonNode errors = f.body(r).get("errors");
    assertThat(errors).as(r.body()).isNotNull().isNotEmpty();
    for (JsonNode e : errors) {
      assertThat(e.get("field").asText()).as(r.body()).isEqualTo(field);
    }
    return errors.get(0);
  }
}
