package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.TracingSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.Role;
import dev.plandev.testing.LocalServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Traces of the service, caught by the SDK's in-memory exporter: a server span per request that
 * continues the caller's {@code traceparent} and is sent back in the response, child spans for the
 * cache levels, the store query and the ranking, and the trace id in the request's log lines.
 */
class TracingTest {
  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";

  @TempDir Path dir;
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final HttpClient http = HttpClient.newHttpClient();
  private SmartDefaults defaults;
  private PlandevServer server;
  private String key;

  /** Logs one line while serving, as any handler of the service may. */
  static final class LoggingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
      LoggerFactory.getLogger(LoggingServlet.class).info("serving {}", req.getRequestURI());
      resp.getWriter().write("logged");
    }
  }

  private void start(boolean tracing) {
    start(tracing, 1.0, Map.of());
  }

  private void start(boolean tracing, double samplerRatio, Map<String, String> settings) {
    Map<String, String> flags = new java.util.HashMap<>(settings);
    flags.put("dataDir", dir.toString());
    flags.put("server.port", "0");
    PlandevConfig config = new ConfigLoader(dir, Map.of()).load(null, flags, Map.of()).config();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    defaults = SmartDefaults.open(config, Clock.systemUTC(), registry);
    key = defaults.apiKeys().create("t", Role.ADMIN, Actor.of("test")).secret();
    TracingSettings sdk =
        new TracingSettings(true, "http://127.0.0.1:4318/v1/traces", samplerRatio, "plandev");
    Telemetry telemetry =
        tracing ? Telemetry.of(SimpleSpanProcessor.create(spans), sdk) : Telemetry.OFF;
    server =
        PlandevServer.start(
            defaults,
            registry,
            Clock.systemUTC(),
            Map.of("/logged", new LoggingServlet()),
            dir,
            telemetry);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (defaults != null) {
      defaults.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String traceparent)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (traceparent != null) {
      b.header("traceparent", traceparent);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Resolves db.host as a caller whose own span is {@code CALLER_SPAN} of {@code CALLER_TRACE}. */
  private HttpResponse<String> resolveAsCaller() throws IOException, InterruptedException {
    return send(
        "GET",
        "/api/v1/defaults/resolve?key=db.host",
        null,
        "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
  }

  private List<SpanData> ofTrace(String traceId) {
    return spans.getFinishedSpanItems().stream()
        .filter(s -> s.getTraceId().equals(traceId))
        .toList();
  }

  private static SpanData named(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(s -> s.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans));
  }

  @Test
  void resolve_continuesTheCallersTrace_withSpansForCacheAndStore() throws Exception {
    start(true);
    send(
        "POST", "/api/v1/defaults", "{\"key\":\"db.host\",\"value\":\"db1\",\"context\":{}}", null);
    spans.reset();

    HttpResponse<String> r = resolveAsCaller();

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("traceparent"))
        .as("the response carries the request's span context")
        .hasValueSatisfying(tp -> assertThat(tp).startsWith("00-" + CALLER_TRACE + "-"));
    List<SpanData> trace = ofTrace(CALLER_TRACE);
    SpanData request = named(trace, "GET /api/v1/defaults/resolve");
    assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
    assertThat(request.getParentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(r.headers().firstValue("traceparent").orElseThrow()).contains(request.getSpanId());
    assertThat(request.getAttributes().asMap().toString())
        .contains("http.route=/api/v1/defaults/resolve")
        .contains("http.response.status_code=200");
    SpanData l1 = named(trace, "plandev.cache.l1");
    SpanData store = named(trace, "plandev.store.resolve");
    assertThat(List.of(l1, store))
        .allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(request.getSpanId()));
    assertThat(l1.getAttributes().asMap().toString()).contains("plandev.cache.result=miss");

    spans.reset();
    send("GET", "/api/v1/defaults/resolve?key=db.host", null, null);
    List<SpanData> second = spans.getFinishedSpanItems();
    assertThat(named(second, "plandev.cache.l1").getAttributes().asMap().toString())
        .as("the second resolve is an L1 hit, with no store query")
        .contains("plandev.cache.result=hit");
    assertThat(second).noneMatch(s -> s.getName().equals("plandev.store.resolve"));
    assertThat(named(second, "GET /api/v1/defaults/resolve").getParentSpanId())
        .as("without traceparent the request starts a trace")
        .isEqualTo("0000000000000000");
  }

  @Test
  void withRedis_anL1MissLooksInL2_beforeTheStore() throws Exception {
    LocalServices.requireRedis();
    start(
        true,
        1.0,
        Map.of(
            "redis.enabled",
            "true",
            "redis.keyPrefix",
            "tracing-" + java.util.UUID.randomUUID() + ":"));
    spans.reset();

    resolveAsCaller();

    List<SpanData> trace = ofTrace(CALLER_TRACE);
    SpanData request = named(trace, "GET /api/v1/defaults/resolve");
    SpanData l2 = named(trace, "plandev.cache.l2");
    assertThat(l2.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(l2.getAttributes().asMap().toString()).contains("plandev.cache.result=miss");
    assertThat(named(trace, "plandev.store.resolve").getStartEpochNanos())
        .as("the store is asked after L2 missed")
        .isGreaterThanOrEqualTo(l2.getEndEpochNanos());
  }

  @Test
  void unknownPath_keepsTheMethodAsTheSpanName_withNoRoute() throws Exception {
    start(true);
    spans.reset();
    assertThat(send("GET", "/no/such/path", null, null).statusCode()).isEqualTo(404);
    SpanData request =
        spans.getFinishedSpanItems().stream()
            .filter(s -> s.getKind() == SpanKind.SERVER)
            .findFirst()
            .orElseThrow();
    assertThat(request.getName()).isEqualTo("GET");
    assertThat(request.getAttributes().asMap().toString()).doesNotContain("http.route");
  }

  @Test
  void predict_hasARankingSpan() throws Exception {
    start(true);
    send(
        "POST",
        "/api/v1/defaults/feedback",
        "{\"key\":\"plan.author\",\"context\":{},\"value\":\"ada\"}",
        null);
    spans.reset();

    HttpResponse<String> r =
        send("POST", "/api/v1/defaults/predict", "{\"key\":\"plan.author\",\"context\":{}}", null);

    assertThat(r.statusCode()).isEqualTo(200);
    List<SpanData> all = spans.getFinishedSpanItems();
    SpanData request = named(all, "POST /api/v1/defaults/predict");
    SpanData rank = named(all, "plandev.rank");
    assertThat(rank.getParentSpanId()).isEqualTo(request.getSpanId());
    assertThat(rank.getAttributes().asMap().toString()).contains("plandev.rank.result=ranked");
  }

  @Test
  void logLinesOfARequest_carryItsTraceId_besideTheCorrelationId() throws Exception {
    start(true);
    try (LogLines lines = LogLines.of(LoggingServlet.class)) {
      HttpResponse<String> r =
          send("GET", "/logged", null, "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
      assertThat(r.body()).isEqualTo("logged");
      assertThat(lines.events()).hasSize(1);
      Map<String, String> mdc = lines.events().get(0).getMDCPropertyMap();
      assertThat(mdc).containsEntry("traceId", CALLER_TRACE);
      assertThat(mdc.get("spanId")).isEqualTo(named(ofTrace(CALLER_TRACE), "GET").getSpanId());
      assertThat(mdc.get("correlationId"))
          .isEqualTo(r.headers().firstValue(Correlation.HEADER).orElseThrow());
    }
  }

  @Test
  void samplerRatioZero_keepsNoNewTrace_butFollowsACallerWhoseTraceIsSampled() throws Exception {
    start(true, 0.0, Map.of());
    send("GET", "/api/v1/defaults/resolve?key=db.host", null, null);
    assertThat(spans.getFinishedSpanItems()).as("a new trace, not sampled").isEmpty();

    resolveAsCaller();

    assertThat(ofTrace(CALLER_TRACE))
        .extracting(SpanData::getName)
        .contains("GET /api/v1/defaults/resolve", "plandev.cache.l1");
  }

  @Test
  void off_makesNoSpans_andSendsNoTraceparent() throws Exception {
    start(false);
    HttpResponse<String> r = resolveAsCaller();
    assertThat(r.headers().firstValue("traceparent")).isEmpty();
    assertThat(defaults.tracing().on()).isFalse();
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }
}
