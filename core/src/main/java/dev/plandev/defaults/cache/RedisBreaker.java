package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.plandev.defaults.config.DurationText;
import dev.plandev.defaults.config.RedisSettings;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker that every Redis call of the cache asks first, with the latency, the count
 * and the throttled warnings of failed calls.
 *
 * <p>It opens when the share of failed or slow calls among the last calls (at least {@code
 * breakerMinimumCalls}) reaches {@code breakerFailureRate}; then lookups and fills are skipped
 * without touching the network, and reads go to the database. After {@code breakerWaitInOpen} a few
 * calls probe Redis (half-open): the callers' own, or a background PING so that an idle instance
 * recovers too; if they succeed the breaker closes and the cache warms again. Lettuce reconnects on
 * its own, rejecting commands while disconnected, so a dead Redis fails fast instead of queueing.
 * Failures never reach callers: they are counted and logged at most once every 30 s per kind.
 */
final class RedisBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBreaker.class);

  /** A Redis call made under the breaker. */
  @FunctionalInterface
  interface RedisCall<T> {
    T call() throws Exception;
  }

  private final CircuitBreaker breaker;
  private final ThrottledLog warnings;
  private final Timer latency;
  private final MeterRegistry registry;
  private final LongAdder errors = new LongAdder();
  private volatile String lastError = "";
  private volatile boolean closed;

  RedisBreaker(RedisSettings config, Clock clock, Ticker ticker, MeterRegistry registry) {
    this.registry = registry;
    this.warnings = new ThrottledLog(LOG, ticker, Duration.ofSeconds(30));
    this.breaker = CircuitBreaker.of("redis", breakerConfig(config, clock));
    this.latency =
        Timer.builder("plandev.cache.redis.latency")
            .description("time of Redis calls made by the cache")
            .register(registry);
    FunctionCounter.builder("plandev.cache.redis.errors", errors, LongAdder::sum)
        .description("Redis calls that failed or timed out")
        .register(registry);
    Gauge.builder("plandev.cache.breaker.state", breaker, b -> stateCode(b.getState()))
        .description("Redis breaker: 0 closed, 1 open, 2 half-open, 3 other")
        .register(registry);
    logTransitions(config);
  }

  static CircuitBreakerConfig breakerConfig(RedisSettings config, Clock clock) {
    int window = Math.max(100, config.breakerMinimumCalls());
    return CircuitBreakerConfig.custom()
        .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(window)
        .minimumNumberOfCalls(config.breakerMinimumCalls())
        .failureRateThreshold((float) config.breakerFailureRate())
        .slowCallRateThreshold((float) config.breakerFailureRate())
        .slowCallDurationThreshold(config.breakerSlowCall())
        .waitDurationInOpenState(config.breakerWaitInOpen())
        .permittedNumberOfCallsInHalfOpenState(3)
        .clock(clock)
        .build();
  }

  private void logTransitions(RedisSettings config) {
    breaker
        .getEventPublisher()
        .onStateTransition(
            e ->
                LOG.warn(
                    "Redis cache breaker {} -> {}: {}",
                    e.getStateTransition().getFromState(),
                    e.getStateTransition().getToState(),
                    switch (e.getStateTransition().getToState()) {
                      case OPEN ->
                          "reads go to the database for "
                              + DurationText.format(config.breakerWaitInOpen());
                      case HALF_OPEN -> "probing Redis";
                      case CLOSED -> "Redis serves the cache again";
                      default -> "";
                    }))
        .onFailureRateExceeded(e -> opened("failure_rate", e.getFailureRate()))
        .onSlowCallRateExceeded(e -> opened("slow_call_rate", e.getSlowCallRate()));
  }

  private void opened(String reason, float rate) {
    Counter.builder("plandev.cache.breaker.opened")
        .description("times the Redis breaker opened, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
    lastError = "breaker opened: " + reason.replace('_', ' ') + " " + rate + "%";
  }

  private static int stateCode(CircuitBreaker.State s) {
    return switch (s) {
      case CLOSED -> 0;
      case OPEN -> 1;
      case HALF_OPEN -> 2;
      default -> 3;
    };
  }

  /** The call's result, or empty when the breaker refused it or it failed (never an exception). */
  <T> Optional<T> guarded(String operation, RedisCall<T> call) {
    if (!breaker.tryAcquirePermission()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      T result = call.call();
      succeeded(System.nanoTime() - start);
      return Optional.of(result);
    } catch (Exception e) {
      failed(operation, System.nanoTime() - start, e);
      return Optional.empty();
    }
  }

  /** Whether a call may go to Redis now; a permitted call must end in succeeded or failed. */
  boolean permits() {
    return breaker.tryAcquirePermission();
  }

  void succeeded(long tookNanos) {
    breaker.onSuccess(tookNanos, TimeUnit.NANOSECONDS);
    latency.record(tookNanos, TimeUnit.NANOSECONDS);
  }

  void failed(String operation, long tookNanos, Throwable e) {
    if (e instanceof CallNotPermittedException || closed) {
      return;
    }
    breaker.onError(tookNanos, TimeUnit.NANOSECONDS, e);
    latency.record(tookNanos, TimeUnit.NANOSECONDS);
    errors.increment();
    lastError = "Redis " + operation + " failed: " + e.getMessage();
    warnings.warn(operation, "Redis cache " + operation + " failed, using the database", e);
  }

  /** Logs a problem that is not a failed call (a corrupt value, a malformed message), throttled. */
  void warn(String kind, String message, Throwable cause) {
    warnings.warn(kind, message, cause);
  }

  CircuitBreaker.State state() {
    return breaker.getState();
  }

  /** What went wrong last, for health; empty when nothing has. */
  String lastError() {
    return lastError;
  }

  void lastError(String error) {
    lastError = error;
  }

  long errors() {
    return errors.sum();
  }

  /** From now on failures are the closing's own and are neither counted nor logged. */
  void close() {
    closed = true;
  }
}
