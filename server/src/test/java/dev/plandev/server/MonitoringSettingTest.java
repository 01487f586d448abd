package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code monitoring.enabled} does what it says: false means no {@code /metrics} anywhere. */
class MonitoringSettingTest {
  @TempDir Path dir;

  @Test
  void metrics_areServedByDefault() {
    try (ServerFixture f = new ServerFixture(dir)) {
      HttpResponse<String> r = f.get("/metrics", f.reader);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("# TYPE jvm_classes_loaded_classes gauge");
    }
  }

  @Test
  void monitoringDisabled_metricsAnswer404Problem() {
    try (ServerFixture f = new ServerFixture(dir, Map.of("monitoring.enabled", "false"))) {
      HttpResponse<String> r = f.get("/metrics", f.reader);
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.headers().firstValue("Content-Type"))
          .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
      assertThat(f.body(r).get("status").asInt()).isEqualTo(404);
      assertThat(f.get("/health", null).statusCode()).as("the rest still works").isEqualTo(200);
    }
  }

  @Test
  void monitoringDisabled_theMetricsPortIsNotOpened() throws Exception {
    // We hold the port: a service that tried to open it would fail to start.
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        ServerFixture f =
            new ServerFixture(
                dir,
                Map.of(
                    "monitoring.enabled",
                    "false",
                    "monitoring.metricsPort",
                    Integer.toString(taken.getLocalPort())))) {
      assertThat(f.get("/health", null).statusCode()).isEqualTo(200);
    }
  }
}
