package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed requests to the endpoint mounted in Javalin on a random port: each gets a JSON-RPC
 * error or an HTTP status that says what is wrong, never a Java exception.
 */
class McpHttpHostileInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  SmartDefaults engine;
  Javalin app;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws Exception {
    engine = TestPlans.engine(dir);
    PlandevMcp mcp =
        PlandevMcp.builder()
            .roots(List.of(TestPlans.root(dir)))
            .defaults(() -> engine)
            .clock(Clock.systemUTC())
            .build();
    McpHttpEndpoint endpoint =
        new McpHttpEndpoint(
            mcp,
            request ->
                "Bearer reader-key".equals(request.getHeader("Authorization"))
                    ? Optional.of(new McpCaller("key:ci-reader", false))
                    : Optional.empty());
    app = JavalinMount.start(endpoint);
  }

  @AfterEach
  void stop() {
    app.stop();
    engine.close();
  }

  HttpResponse<String> send(String method, String contentType, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + McpHttpEndpoint.PATH))
            .header("Authorization", "Bearer reader-key")
            .header("Content-Type", contentType)
            .header("Accept", "application/json, text/event-stream")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static void assertNoInternals(HttpResponse<String> response) {
    assertThat(response.body())
        .as("status %s", response.statusCode())
        .doesNotContain("Exception", "at dev.", "at io.", "java.", "stackTrace");
  }

  static JsonNode jsonRpcError(HttpResponse<String> response, int code) throws Exception {
    assertNoInternals(response);
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.path("jsonrpc").asText()).as(response.body()).isEqualTo("2.0");
    assertThat(answer.path("error").path("code").asInt()).as(response.body()).isEqualTo(code);
    return answer;
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "{}", "[1]", "\"x\"", "{\"jsonrpc\":\"2.0\",\"id\":1}"})
  void jsonThatIsNoRequest_invalidRequest400(String body) throws Exception {
    HttpResponse<String> response =
        send("POST", "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).isEqualTo(400);
    jsonRpcError(response, -32600);
  }

  @Test
  void brokenJson_deepNesting_notUtf8_empty_parseError400() throws Exception {
    byte[] latin1 =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\u00e9\"}"
            .getBytes(StandardCharsets.ISO_8859_1);
    List<byte[]> bodies =
        List.of(
            "[".getBytes(StandardCharsets.UTF_8),
            ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8),
            latin1,
            new byte[0]);
    for (byte[] body : bodies) {
      HttpResponse<String> response = send("POST", "application/json", body);
      assertThat(response.statusCode()).isEqualTo(400);
      jsonRpcError(response, -32700);
    }
  }

  @Test
  void bodyOverTheLimit_413() throws Exception {
    byte[] body = new byte[JsonRpcCheck.MAX_BYTES + 1];
    java.util.Arrays.fill(body, (byte) ' ');
    HttpResponse<String> response = send("POST", "application/json", body);
    assertThat(response.statusCode()).isEqualTo(413);
    assertNoInternals(response);
  }

  @Test
  void errorsTheSdkFindsItself_noInternals() throws Exception {
    HttpResponse<String> wrongType =
        send(
            "POST",
            "text/plain",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(wrongType.statusCode()).isEqualTo(415);
    jsonRpcError(wrongType, -32600);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "PATCH", "HEAD", "TRACE"})
  void otherMethods_405WithAllow(String method) throws Exception {
    HttpResponse<String> response = send(method, "application/json", new byte[0]);
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    assertNoInternals(response);
  }
}
