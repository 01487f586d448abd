package dev.plandev.defaults;

import dev.plandev.defaults.model.Feedback;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The ranking engine's meters: how long a ranking takes (and whether it fell back), its breaker's
 * state, and how often the value people took was the one suggested — the engine's accuracy in use,
 * which the dashboard and the alert rules read.
 */
final class RankingMeters {
  private final MeterRegistry registry;
  private final Timer ranked;
  private final Timer fellBack;
  private final Counter suggestionTaken;
  private final Counter suggestionNotTaken;

  RankingMeters(MeterRegistry registry) {
    this.registry = registry;
    this.ranked = latency(registry, "ranked");
    this.fellBack = latency(registry, "fallback");
    this.suggestionTaken = feedback(registry, "taken");
    this.suggestionNotTaken = feedback(registry, "other");
  }

  private static Timer latency(MeterRegistry registry, String result) {
    return Timer.builder("plandev.rank.predictions")
        .description("rankings asked of the engine, by result (ranked, or the fallback answered)")
        .tag("result", result)
        .publishPercentileHistogram()
        .register(registry);
  }

  private static Counter feedback(MeterRegistry registry, String suggestion) {
    return Counter.builder("plandev.rank.feedback")
        .description(
            "feedback on a suggestion: taken when the value chosen is the one suggested, else other")
        .tag("suggestion", suggestion)
        .register(registry);
  }

  /** Publishes the state of the engine's breaker: 0 closed, 1 open, 2 half-open, 3 other. */
  void watch(CircuitBreaker breaker) {
    Gauge.builder(
            "plandev.rank.breaker.state",
            breaker,
            b ->
                switch (b.getState()) {
                  case CLOSED -> 0;
                  case OPEN -> 1;
                  case HALF_OPEN -> 2;
                  default -> 3;
                })
        .description("ranking engine breaker: 0 closed, 1 open, 2 half-open, 3 other")
        .register(registry);
  }

  void ranked(long startNanos, boolean fallback) {
    (fallback ? fellBack : ranked).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /** Counts feedback that names the suggestion it answers; other feedback tells no accuracy. */
  void feedback(Feedback f) {
    if (f.suggested() != null) {
      (f.suggested().equals(f.value()) ? suggestionTaken : suggestionNotTaken).increment();
    }
  }
}
