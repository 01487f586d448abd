package dev.plandev.plans.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.plandev.plans.PlanException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on a random loopback port that records what it is sent. */
class HttpDefaultsClientTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Received(String path, String authorization, String correlationId, JsonNode body) {}

  final List<Received> received = new CopyOnWriteArrayList<>();
  volatile int status = 200;
  volatile String predictBody =
      "{\"predictions\":[{\"value\":\"bob\",\"confidence\":0.93,\"confident\":true,"
          + "\"reason\":\"usage_count\",\"contributions\":{}}]}";
  HttpServer server;
  URI base;

  @TempDir Path dir;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/defaults/",
        exchange -> {
          byte[] in = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("X-Correlation-Id"),
                  JSON.readTree(in)));
          boolean predict = exchange.getRequestURI().getPath().endsWith("/predict");
          byte[] out =
              (status != 200
                      ? "{\"title\":\"Service Unavailable\",\"status\":" + status + "}"
                      : predict ? predictBody : "")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(
              status == 200 && !predict ? 204 : status, out.length == 0 ? -1 : out.length);
          try (OutputStream os = exchange.getResponseBody()) {
            os.write(out);
          }
        });
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void suggest_posts_key_context_limit_and_reads_predictions() {
    HttpDefaultsClient client = new HttpDefaultsClient(base, "k3y", Duration.ofSeconds(2));
    List<SuggestedValue> values =
        client.suggest("plan.plan-dev.author", Map.of("template", "plan-dev", "language", "fr"), 3);

    assertThat(values).containsExactly(new SuggestedValue("bob", 0.93, "usage_count"));
    Received r = received.get(0);
    assertThat(r.path()).isEqualTo("/api/v1/defaults/predict");
    assertThat(r.authorization()).isEqualTo("Bearer k3y");
    assertThat(r.correlationId()).isNotBlank();
    assertThat(r.body().get("key").asText()).isEqualTo("plan.plan-dev.author");
    assertThat(r.body().get("context").get("language").asText()).isEqualTo("fr");
    assertThat(r.body().get("limit").asInt()).isEqualTo(3);
  }

  @Test
  void feedback_posts_outcome_suggested_and_source() {
    new HttpDefaultsClient(base, null, Duration.ofSeconds(2))
        .feedback("plan.plan-dev.phases", Map.of("user", "alice"), "5", "chosen", "3");

    Received r = received.get(0);
    assertThat(r.path()).isEqualTo("/api/v1/defaults/feedback");
    assertThat(r.authorization()).isNull();
    assertThat(r.body().toString())
        .isEqualTo(
            "{\"key\":\"plan.plan-dev.phases\",\"context\":{\"user\":\"alice\"},\"value\":\"5\","
                + "\"outcome\":\"chosen\",\"suggested\":\"3\",\"source\":\"cli\"}");
  }

  @Test
  void error_status_is_an_exception_naming_status_and_correlation_id() {
    status = 503;
    assertThatThrownBy(
            () ->
                new HttpDefaultsClient(base, null, Duration.ofSeconds(2)).suggest("k", Map.of(), 1))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("answered 503")
        .hasMessageContaining("correlation id " + received.get(0).correlationId());
  }

  @Test
  void generation_over_http_uses_the_suggestion_and_sends_the_feedback() {
    GenerationResult r =
        new PlanGenerator(
                TemplateCatalog.builtIn(),
                new HttpDefaultsClient(base, null, Duration.ofSeconds(2)),
                PlanGeneratorTest.JUNE_2025)
            .generate(
                GenerationRequest.builder(new WorkingEnvironment(dir, "", "alice", "linux"))
                    .template("plan-dev")
                    .language("en")
                    .set("title", "Cache")
                    .acceptDefaults(true)
                    .build(),
                PromptInput.none());

    assertThat(r.answers()).containsEntry("author", "bob");
    assertThat(received)
        .filteredOn(x -> x.path().endsWith("/feedback"))
        .extracting(x -> x.body().get("key").asText() + " " + x.body().get("outcome").asText())
        .contains("plan.plan-dev.author accepted");
    assertThat(received)
        .extracting(Received::correlationId)
        .containsOnly(received.get(0).correlationId());
  }

  @Test
  void service_down_isThePlansModulesOwnException_inPlainWords() {
    server.stop(0);

    assertThatThrownBy(
            () ->
                new HttpDefaultsClient(base, null, Duration.ofSeconds(2)).suggest("k", Map.of(), 1))
        .isInstanceOf(DefaultsUnavailableException.class)
        .hasMessageContaining("cannot reach the plandev service at " + base)
        .hasMessageContaining("plandev serve")
        .hasMessageNotContaining("Exception")
        .hasMessageNotContaining("null");
  }

  @Test
  void anAnswerThatIsNotJson_isThePlansModulesOwnException() {
    predictBody = "<html>proxy error</html>";

    assertThatThrownBy(
            () ->
                new HttpDefaultsClient(base, null, Duration.ofSeconds(2)).suggest("k", Map.of(), 1))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("not JSON")
        .hasMessageContaining("proxy error");
  }

  @Test
  void anAddressThatIsNotHttp_isBadInput_inPlainWords() {
    assertThatThrownBy(
            () -> new HttpDefaultsClient(URI.create("ftp://x"), null, Duration.ofSeconds(2)))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining("http://host:port");
  }

  @Test
  void service_down_costs_one_warning_and_generation_goes_on() {
    server.stop(0);
    GenerationResult r =
        new PlanGenerator(
                TemplateCatalog.builtIn(),
                new HttpDefaultsClient(base, null, Duration.ofSeconds(2)),
                PlanGeneratorTest.JUNE_2025)
            .generate(
                GenerationRequest.builder(new WorkingEnvironment(dir, "", "alice", "linux"))
                    .template("plan-dev")
                    .set("title", "Cache")
                    .acceptDefaults(true)
                    .build(),
                PromptInput.none());
    assertThat(r.answers()).containsEntry("author", "alice");
    assertThat(r.warnings())
        .singleElement()
        .asString()
        .contains("cannot reach")
        .doesNotContain("Exception");
  }
}
