package dev.plandev.defaults.cache;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Cache settings and a plain Redis connection for the cache tests. */
final class CacheFixture {
  private CacheFixture() {}

  /**
   * Redis on this port, with a prefix of its own and a quick breaker (the 2 s timeout leaves room
   * for a loaded machine).
   */
  static RedisSettings redis(int port, String prefix) {
    return new RedisSettings(
        true,
        "127.0.0.1",
        port,
        "",
        0,
        Duration.ofMillis(50),
        Duration.ofSeconds(2),
        prefix,
        Duration.ofSeconds(3600),
        Duration.ofHours(4),
        Duration.ofSeconds(10),
        16L << 20,
        Duration.ofSeconds(60),
        25,
        Duration.ofMillis(100),
        Duration.ofMillis(300),
        4);
  }

  /** The same settings with L1 bounded to {@code l1MaxBytes} (0: off). */
  static RedisSettings withL1(RedisSettings r, long l1MaxBytes) {
    return new RedisSettings(
        r.enabled(),
        r.host(),
        r.port(),
        r.password(),
        r.maxRetries(),
        r.retryDelay(),
        r.timeout(),
        r.keyPrefix(),
        r.ttl(),
        r.maxTtl(),
        r.negativeTtl(),
        l1MaxBytes,
        r.l1Ttl(),
        r.breakerFailureRate(),
        r.breakerSlowCall(),
        r.breakerWaitInOpen(),
        r.breakerMinimumCalls());
  }

  /** The embedded default's cache: L1 only. */
  static RedisSettings l1Only() {
    return PlandevConfig.defaults().redis();
  }

  static String prefix() {
    return "t" + Long.toString(System.nanoTime(), 36) + ":";
  }

  /** A connection to db 0 of the Redis on this port, for looking behind the cache. */
  static StatefulRedisConnection<String, String> connect(RedisClient client, int port) {
    return client.connect(RedisURI.create("127.0.0.1", port));
  }

  /**
   * How long a test waits for something asynchronous (a fill landing in Redis, an invalidation
   * arriving, a breaker changing state) before it gives up. It is a safety net, not a figure under
   * test: a loaded machine may take seconds; how soon it happens is measured by the benchmarks.
   */
  static final Duration PATIENCE = Duration.ofSeconds(30);

  /**
   * Waits until the condition holds, checking every few milliseconds, and answers whether it did
   * within {@link #PATIENCE}. For effects that send no event to wait on.
   */
  static boolean eventually(BooleanSupplier condition) {
    try {
      Awaitility.await()
          .atMost(PATIENCE)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(2))
          .until(condition::getAsBoolean);
      return true;
    } catch (ConditionTimeoutException e) {
      return false;
    }
  }
}
