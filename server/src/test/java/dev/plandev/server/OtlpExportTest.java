package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code monitoring.tracing} on, the service exports its spans over OTLP/HTTP: a receiver
 * started here on a random port decodes the protobuf export requests the SDK posts.
 */
class OtlpExportTest {
  @TempDir Path dir;

  /** What the receiver got: each resource's service name with the spans it carried. */
  private record Received(String serviceName, Span span) {}

  @Test
  void spans_reachAnOtlpHttpReceiver_withTheServiceName() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    List<String> contentTypes = new CopyOnWriteArrayList<>();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/v1/traces",
        exchange -> {
          contentTypes.add(exchange.getRequestHeaders().getFirst("Content-Type"));
          ExportTraceServiceRequest export =
              ExportTraceServiceRequest.parseFrom(exchange.getRequestBody().readAllBytes());
          for (ResourceSpans rs : export.getResourceSpansList()) {
            String service =
                rs.getResource().getAttributesList().stream()
                    .filter(a -> a.getKey().equals("service.name"))
                    .map(KeyValue::getValue)
                    .map(v -> v.getStringValue())
                    .findFirst()
                    .orElse("");
            for (ScopeSpans ss : rs.getScopeSpansList()) {
              ss.getSpansList().forEach(s -> received.add(new Received(service, s)));
            }
          }
          byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
          exchange.close();
        });
    receiver.start();
    try {
      PlandevConfig config =
          new ConfigLoader(dir, Map.of())
              .load(
                  null,
                  Map.of(
                      "dataDir", dir.toString(),
                      "server.port", "0",
                      "monitoring.tracing.enabled", "true",
                      "monitoring.tracing.serviceName", "plandev-otlp-test",
                      "monitoring.tracing.endpoint",
                          "http://127.0.0.1:" + receiver.getAddress().getPort() + "/v1/traces"),
                  Map.of())
              .config();
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      String traceparent;
      try (SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC(), registry)) {
        String key = defaults.apiKeys().create("t", Role.READER, Actor.of("test")).secret();
        try (PlandevServer server = PlandevServer.start(defaults, registry, Clock.systemUTC())) {
          HttpResponse<String> r =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(
                              URI.create(server.url() + "/api/v1/defaults/resolve?key=db.host"))
                          .header("Authorization", "Bearer " + key)
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertThat(r.statusCode()).isEqualTo(404); // no such default: still traced
          traceparent = r.headers().firstValue("traceparent").orElseThrow();
        } // stopping the service exports the spans still batched
      }
      String traceId = traceparent.split("-")[1];
      List<Received> ofTrace =
          received.stream()
              .filter(
                  x ->
                      HexFormat.of().formatHex(x.span().getTraceId().toByteArray()).equals(traceId))
              .toList();
      assertThat(ofTrace)
          .extracting(x -> x.span().getName())
          .contains("GET /api/v1/defaults/resolve", "plandev.cache.l1", "plandev.store.resolve");
      assertThat(ofTrace)
          .allSatisfy(x -> assertThat(x.serviceName()).isEqualTo("plandev-otlp-test"));
      assertThat(contentTypes).contains("application/x-protobuf");
    } finally {
      receiver.stop(0);
    }
  }
}
