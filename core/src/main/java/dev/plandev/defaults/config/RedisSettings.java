package dev.plandev.defaults.config;

import java.time.Duration;

/**
 * The {@code redis} section: the cache, L1 in each process (always on unless {@code l1MaxBytes} is
 * 0) and L2 in Redis when {@code enabled}.
 *
 * @param maxRetries connection attempts made at start after the first one fails, {@code retryDelay}
 *     apart, before connecting goes on in the background
 * @param retryDelay the first pause between connection attempts (doubling, up to 5 s)
 * @param timeout the longest a Redis command may take before it counts as failed
 * @param keyPrefix prepended to every Redis key and to the invalidation channel, so that several
 *     deployments (or tests) can share one Redis
 * @param ttl lifetime of a cached resolution in Redis (db 0), stretched for often-used entries
 * @param maxTtl the longest a stretched resolution lives in Redis
 * @param negativeTtl lifetime of a cached "no default" answer, in both levels
 * @param l1MaxBytes the heap each process may spend on L1, by an estimate of the bytes its answers
 *     retain (a quarter of it for ranked predictions); 0 turns L1 off. Replaces {@code l1MaxSize}
 * @param l1Ttl lifetime of an entry in L1
 * @param breakerFailureRate percentage of failed (or slow) Redis calls that opens the breaker
 * @param breakerSlowCall a Redis call slower than this counts as slow
 * @param breakerWaitInOpen how long the breaker stays open before probing Redis again
 * @param breakerMinimumCalls calls the breaker needs to see before it judges the failure rate
 */
public record RedisSettings(
    boolean enabled,
    String host,
    int port,
    String password,
    int maxRetries,
    Duration retryDelay,
    Duration timeout,
    String keyPrefix,
    Duration ttl,
    Duration maxTtl,
    Duration negativeTtl,
    long l1MaxBytes,
    Duration l1Ttl,
    double breakerFailureRate,
    Duration breakerSlowCall,
    Duration breakerWaitInOpen,
    int breakerMinimumCalls) {

  static RedisSettings defaults() {
    return new RedisSettings(
        false,
        "127.0.0.1",
        6379,
        "",
        3,
        Duration.ofMillis(100),
        Duration.ofSeconds(2),
        "",
        Duration.ofSeconds(3600),
        Duration.ofHours(4),
        Duration.ofSeconds(10),
        96L << 20,
        Duration.ofSeconds(60),
        25,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        20);
  }

  void check(ProblemList problems) {
    problems.between("redis.port", port, 1, 65535);
    problems.require(maxRetries >= 0, "redis.maxRetries", maxRetries, "must not be negative");
    problems.positive("redis.retryDelay", retryDelay);
    problems.positive("redis.timeout", timeout);
    problems.require(
        keyPrefix != null && keyPrefix.matches("[A-Za-z0-9._:-]{0,64}"),
        "redis.keyPrefix",
        keyPrefix,
        "must be at most 64 characters of A-Z a-z 0-9 . _ : -");
    checkLifetimes(problems);
    problems.require(
        l1MaxBytes == 0 || (l1MaxBytes >= 1L << 16 && l1MaxBytes <= 1L << 36),
        "redis.l1MaxBytes",
        l1MaxBytes,
        "must be 0 (L1 off) or between 65536 and 68719476736 bytes (64 KiB to 64 GiB)");
    problems.positive("redis.l1Ttl", l1Ttl);
    problems.percentage("redis.breakerFailureRate", breakerFailureRate);
    problems.positive("redis.breakerSlowCall", breakerSlowCall);
    problems.positive("redis.breakerWaitInOpen", breakerWaitInOpen);
    problems.between("redis.breakerMinimumCalls", breakerMinimumCalls, 1, 10_000);
  }

  /** Redis expires keys in whole seconds, so its lifetimes must be at least one. */
  private void checkLifetimes(ProblemList problems) {
    problems.atLeast("redis.ttl", ttl, Duration.ofSeconds(1));
    problems.require(
        maxTtl != null && (ttl == null || maxTtl.compareTo(ttl) >= 0),
        "redis.maxTtl",
        maxTtl,
        "must be at least redis.ttl (" + (ttl == null ? "unset" : DurationText.format(ttl)) + ")");
    problems.positive("redis.negativeTtl", negativeTtl);
  }
}
