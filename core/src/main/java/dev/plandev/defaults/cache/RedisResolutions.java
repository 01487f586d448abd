package dev.plandev.defaults.cache;

import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Resolution;
import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * The resolutions cached in Redis (db 0, {@code def:{context}:{key}}): lookups, fills of what the
 * database answered, and how long an answer lives there.
 *
 * <h2>Invalidation: generations, not deletions</h2>
 *
 * A write to key K may change K's answer in every context, so invalidation is by key. Deleting
 * {@code def:*:K} would need SCAN over the whole keyspace (KEYS blocks Redis) and races with a
 * reader that read the database just before the write and stores its stale answer just after the
 * delete. Instead each key has a generation token {@code gen:K}, and there is one global token
 * {@code gen} for "everything" (key rotation, or a long outage). A cached resolution carries the
 * tag {@code global/K-token} it was read under. A lookup fetches both tokens and the value in one
 * {@code MGET}; a value whose tag differs is a miss. A write bumps the tokens ({@link
 * InvalidationBus}); the stale reader above stores its answer under the old tag, which no one will
 * accept again; stale values simply expire. (A Redis configured to evict with an {@code allkeys-*}
 * policy can evict a token early; run it with {@code volatile-lru} or {@code noeviction}.)
 *
 * <p>Resolutions of secret entries are never written to Redis: the database holds them encrypted
 * and Redis would hold them in clear.
 */
final class RedisResolutions {

  /** What a lookup found. */
  enum Outcome {
    HIT,
    MISS,
    BYPASSED
  }

  /**
   * The result of a lookup: on a hit the cached answer (null resolution for a cached "no default"),
   * on a miss the tag under which to store the database's answer.
   */
  record Lookup(Outcome outcome, Resolution resolution, String tag) {
    static final Lookup BYPASS = new Lookup(Outcome.BYPASSED, null, null);
  }

  private final RedisSettings config;
  private final RedisKeys keys;
  private final Clock clock;
  private final RedisConnections connections;
  private final RedisBreaker breaker;
  private final InvalidationBus bus;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder bypassed = new LongAdder();
  private final LongAdder corrupt = new LongAdder();

  RedisResolutions(
      RedisSettings config,
      RedisKeys keys,
      Clock clock,
      RedisConnections connections,
      RedisBreaker breaker,
      InvalidationBus bus,
      MeterRegistry registry) {
    this.config = config;
    this.keys = keys;
    this.clock = clock;
    this.connections = connections;
    this.breaker = breaker;
    this.bus = bus;
    registerMeters(registry);
  }

  private void registerMeters(MeterRegistry r) {
    FunctionCounter.builder("plandev.cache.gets", hits, LongAdder::sum)
        .tags("level", "l2", "cache", "resolve", "result", "hit")
        .register(r);
    FunctionCounter.builder("plandev.cache.gets", misses, LongAdder::sum)
        .tags("level", "l2", "cache", "resolve", "result", "miss")
        .register(r);
    FunctionCounter.builder("plandev.cache.gets", bypassed, LongAdder::sum)
        .tags("level", "l2", "cache", "resolve", "result", "bypassed")
        .register(r);
    FunctionCounter.builder("plandev.cache.redis.corrupt", corrupt, LongAdder::sum)
        .description("values in Redis that did not parse and were deleted")
        .register(r);
  }

  /** Looks up the cached answer for a key in a context. */
  Lookup lookup(String key, String contextJson) {
    StatefulRedisConnection<String, String> c = connections.values();
    if (c == null || bus.owesAny()) {
      bypassed.increment();
      return Lookup.BYPASS;
    }
    String name = keys.resolution(contextJson, key);
    Optional<List<KeyValue<String, String>>> got =
        breaker.guarded(
            "read", () -> c.sync().mget(keys.globalGeneration(), keys.generation(key), name));
    if (got.isEmpty()) {
      bypassed.increment();
      return Lookup.BYPASS;
    }
    List<KeyValue<String, String>> kv = got.get();
    String tag = token(kv.get(0)) + "/" + token(kv.get(1));
    if (!kv.get(2).hasValue()) {
      misses.increment();
      return new Lookup(Outcome.MISS, null, tag);
    }
    return decode(c, name, kv.get(2).getValue(), tag);
  }

  /** The cached value as a hit, or a miss when it is stale, expired or corrupt (then deleted). */
  private Lookup decode(
      StatefulRedisConnection<String, String> c, String name, String value, String tag) {
    try {
      ResolutionCodec.Decoded d = ResolutionCodec.decode(value);
      Resolution r = d.resolution();
      boolean expired =
          r != null
              && r.entry().expiresAt() != null
              && !r.entry().expiresAt().isAfter(clock.instant());
      if (!d.tag().equals(tag) || expired) {
        misses.increment();
        return new Lookup(Outcome.MISS, null, tag);
      }
      hits.increment();
      return new Lookup(Outcome.HIT, r, tag);
    } catch (ResolutionCodec.CorruptValueException e) {
      corrupt.increment();
      breaker.warn("corrupt", "deleted a cached value that does not parse at " + name, e);
      breaker.guarded("delete", () -> c.sync().del(name));
      misses.increment();
      return new Lookup(Outcome.MISS, null, tag);
    }
  }

  private static String token(KeyValue<String, String> kv) {
    return kv.hasValue() ? kv.getValue() : "0";
  }

  /**
   * Stores the database's answer (null: no default) under the tag of the lookup that missed,
   * without waiting for Redis.
   */
  void fill(String key, String contextJson, String tag, Resolution r) {
    StatefulRedisConnection<String, String> c = connections.values();
    if (c == null || (r != null && r.entry().secret())) {
      return;
    }
    long ttl = r == null ? config.negativeTtl().toMillis() : lifetime(r.entry());
    if (ttl <= 0 || !breaker.permits()) {
      return;
    }
    String text = ResolutionCodec.encode(tag, r);
    long start = System.nanoTime();
    try {
      c.async()
          .set(keys.resolution(contextJson, key), text, SetArgs.Builder.px(ttl))
          .whenComplete(
              (ok, e) -> {
                long took = System.nanoTime() - start;
                if (e == null) {
                  breaker.succeeded(took);
                } else {
                  breaker.failed("write", took, e);
                }
              });
    } catch (RuntimeException e) {
      breaker.failed("write", System.nanoTime() - start, e);
    }
  }

  /**
   * How long an answer lives in Redis: {@code ttl}, times 1 + log10(1 + uses) for often-used
   * entries, at most {@code maxTtl}, and never past the entry's expiry.
   */
  long lifetime(DefaultEntry e) {
    long stretch = 1 + (long) Math.floor(Math.log10(1 + (double) Math.max(0, e.usageCount())));
    long ttl = Math.min(config.ttl().toMillis() * stretch, config.maxTtl().toMillis());
    if (e.expiresAt() != null) {
      ttl = Math.min(ttl, e.expiresAt().toEpochMilli() - clock.millis());
    }
    return ttl;
  }

  /** The counters of this level, for {@link CacheStats}. */
  CacheStats.Level level() {
    return new CacheStats.Level(true, hits.sum(), misses.sum(), bypassed.sum(), 0, 0);
  }

  long corrupt() {
    return corrupt.sum();
  }
}
