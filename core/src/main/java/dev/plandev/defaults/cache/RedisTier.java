package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.plandev.defaults.config.RedisSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The L2 cache in Redis, shared by every instance, guarded by a circuit breaker so that a slow or
 * dead Redis costs the callers nothing but the cache.
 *
 * <p>It is made of four parts, each with its own idea: {@link RedisConnections} opens and keeps the
 * connections; {@link RedisBreaker} decides whether a call may go to Redis at all and counts what
 * fails; {@link RedisResolutions} looks up and fills the cached resolutions; {@link
 * InvalidationBus} makes every instance forget the keys a write changed.
 *
 * <p>Only resolutions live in Redis (db 0). Usage statistics and ranking models do not: every
 * instance learns them from the store's usage log, the one source of truth, so a shared copy would
 * only be a second truth to keep in step.
 */
final class RedisTier implements AutoCloseable {
  private final RedisBreaker breaker;
  private final RedisConnections connections;
  private final InvalidationBus bus;
  private final RedisResolutions resolutions;

  /**
   * A tier that passes other instances' invalidations to {@code remoteInvalidation}, and runs
   * {@code missedInvalidations} when some may have been lost; {@link #start} connects.
   */
  RedisTier(
      RedisSettings config,
      Clock clock,
      Ticker ticker,
      MeterRegistry registry,
      Consumer<Invalidations.Message> remoteInvalidation,
      Runnable missedInvalidations) {
    RedisKeys keys = new RedisKeys(config.keyPrefix());
    this.breaker = new RedisBreaker(config, clock, ticker, registry);
    this.connections = new RedisConnections(config, breaker);
    this.bus =
        new InvalidationBus(
            config,
            keys,
            connections,
            breaker,
            connections.background(),
            registry,
            remoteInvalidation,
            missedInvalidations);
    this.resolutions =
        new RedisResolutions(config, keys, clock, connections, breaker, bus, registry);
  }

  /** Connects (see {@link RedisConnections#start}); never fails because of Redis. */
  void start() {
    connections.start(bus);
  }

  RedisResolutions resolutions() {
    return resolutions;
  }

  /** Makes Redis and the other instances forget these keys (or everything, with null). */
  void invalidate(Set<String> changed) {
    bus.invalidate(changed);
  }

  CircuitBreaker.State breakerState() {
    return breaker.state();
  }

  long errors() {
    return breaker.errors();
  }

  CacheHealth health() {
    CircuitBreaker.State state = breaker.state();
    StatefulRedisConnection<String, String> c = connections.values();
    boolean up = c != null && c.isOpen() && state == CircuitBreaker.State.CLOSED;
    String lastError = breaker.lastError();
    String detail;
    if (up) {
      detail = bus.owesAny() ? bus.owed() + " invalidations waiting" : "";
    } else if (c == null) {
      detail = lastError.isEmpty() ? "not connected yet" : lastError;
    } else if (!c.isOpen()) {
      detail = "disconnected, reconnecting; " + lastError;
    } else {
      detail = lastError;
    }
    return new CacheHealth(
        up ? CacheHealth.Status.UP : CacheHealth.Status.UNHEALTHY, state.name(), detail);
  }

  @Override
  public void close() {
    bus.close();
    breaker.close();
    connections.close();
  }
}
