package dev.plandev.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request figures read from the service's own timers (a Prometheus registry, as served). */
class RequestFiguresTest {
  private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

  private static Timer timer(PrometheusMeterRegistry r, String route, int status) {
    return Timer.builder(RequestFigures.TIMER)
        .tag("method", "GET")
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(r);
  }

  @Test
  void percentiles_boundTheRecordedLatencies_andErrorsAreCountedByStatus() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer ok = timer(r, "/api/v1/defaults", 200);
    for (int ms = 1; ms <= 100; ms++) {
      ok.record(Duration.ofMillis(ms));
    }
    Timer failed = timer(r, "/api/v1/defaults", 500);
    for (int i = 0; i < 10; i++) {
      failed.record(Duration.ofMillis(2));
    }
    timer(r, "/plan/events", 200).record(Duration.ofMinutes(10)); // an event stream: left out

    Map<String, Object> f = new RequestFigures(START).read(r, START.plusSeconds(55));

    assertThat(f.get("count")).isEqualTo(110L);
    assertThat(f.get("serverErrorRate")).isEqualTo("9.09%");
    // 55 of 110 requests took up to 45 ms: the median's bucket bound is at least that, and
    // well under the slowest request.
    double p50 = Double.parseDouble(((String) f.get("p50Ms")).substring(2));
    assertThat(p50).isBetween(40.0, 70.0);
    double p99 = Double.parseDouble(((String) f.get("p99Ms")).substring(2));
    assertThat(p99).isBetween(99.0, 150.0);
    assertThat(f.get("rate")).isEqualTo("2.00");
    assertThat(f.get("rateOver")).isEqualTo("since the service started");
  }

  @Test
  void rate_afterAMinute_isTheChangeSinceAnEarlierReading() {
    PrometheusMeterRegistry r = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Timer t = timer(r, "/", 200);
    RequestFigures figures = new RequestFigures(START);
    figures.read(r, START.plusSeconds(600));
    for (int i = 0; i < 120; i++) {
      t.record(Duration.ofMillis(1));
    }
    Map<String, Object> f = figures.read(r, START.plusSeconds(660));
    assertThat(f.get("rate")).isEqualTo("2.00");
    assertThat(f.get("rateOver")).isEqualTo("over the last 60 s");
  }
}
