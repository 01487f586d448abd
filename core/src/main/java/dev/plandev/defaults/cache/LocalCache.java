package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * An L1 cache of one process: Caffeine, bounded in size, each value living for a duration the
 * caller computes from it, and emptied by key.
 *
 * <p>Its slots are named by the default's key and a detail (the context, and for predictions the
 * limit), because a write to a key may change its answer in any context: {@link #invalidate(Set)}
 * removes every slot of the keys in one pass over the cache. That pass is linear in the cache's
 * size, which is fine because writes are rare next to reads and a whole batch is one pass.
 *
 * <p>A value loaded from the database while a write happens must not outlive the write. Every
 * invalidation first bumps an epoch; a loader notes the epoch before it reads, stores its value,
 * then takes it out again if the epoch has moved. Either the invalidation's pass sees the stored
 * value, or the loader sees the new epoch.
 */
final class LocalCache<V> {
  /** The name of a cached answer. */
  record Slot(String key, String detail) {}

  private final Cache<Slot, V> cache;
  private final AtomicLong epoch = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  private LocalCache(Cache<Slot, V> cache) {
    this.cache = cache;
  }

  /**
   * A cache of at most {@code maxSize} values (none at all when 0), each living for {@code
   * lifetime(value)}.
   */
  static <V> LocalCache<V> create(
      int maxSize, Ticker ticker, BiFunction<Slot, V, Duration> lifetime) {
    if (maxSize == 0) {
      return new LocalCache<>(null);
    }
    Cache<Slot, V> cache =
        Caffeine.newBuilder()
            .maximumSize(maxSize)
            .ticker(ticker)
            .expireAfter(Expiry.writing(lifetime))
            .recordStats()
            .build();
    return new LocalCache<>(cache);
  }

  boolean enabled() {
    return cache != null;
  }

  /** The cached value, or null (counting a hit or a miss). */
  V get(Slot slot) {
    if (cache == null) {
      return null;
    }
    V v = cache.getIfPresent(slot);
    if (v == null) {
      misses.increment();
    } else {
      hits.increment();
    }
    return v;
  }

  /** The epoch to pass to {@link #put} for a value about to be loaded. */
  long epoch() {
    return epoch.get();
  }

  /** Stores a value loaded since {@code loadEpoch}, unless an invalidation came in between. */
  void put(Slot slot, V value, long loadEpoch) {
    if (cache == null) {
      return;
    }
    cache.put(slot, value);
    if (epoch.get() != loadEpoch) {
      cache.invalidate(slot);
    }
  }

  /** The cached value, or {@code load}'s result stored for next time. */
  V get(Slot slot, Supplier<V> load) {
    V v = get(slot);
    if (v != null) {
      return v;
    }
    long e = epoch();
    v = load.get();
    put(slot, v, e);
    return v;
  }

  /** Drops every slot of these keys. */
  void invalidate(Set<String> keys) {
    epoch.incrementAndGet();
    if (cache != null && !keys.isEmpty()) {
      cache.asMap().keySet().removeIf(s -> keys.contains(s.key()));
    }
  }

  /** Drops everything. */
  void invalidateAll() {
    epoch.incrementAndGet();
    if (cache != null) {
      cache.invalidateAll();
    }
  }

  long hits() {
    return hits.sum();
  }

  long misses() {
    return misses.sum();
  }

  long evictions() {
    return cache == null ? 0 : cache.stats().evictionCount();
  }

  long size() {
    return cache == null ? 0 : cache.estimatedSize();
  }

  /** Runs pending maintenance (expiry, eviction) now; tests use it to read exact counts. */
  void cleanUp() {
    if (cache != null) {
      cache.cleanUp();
    }
  }
}
