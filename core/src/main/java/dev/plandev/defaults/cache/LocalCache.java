package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * An L1 cache of one process: Caffeine, bounded by an estimate of the bytes its values retain, each
 * value living for a duration the caller computes from it, and emptied by key.
 *
 * <p>Its slots are named by the default's key and a detail (the context, and for predictions the
 * limit), because a write to a key may change its answer in any context. Finding every slot of a
 * key would take a pass over the whole cache (or an index that evictions must keep exact), so
 * {@link #invalidate(Set)} does not look for them: it notes, per key, the moment of the
 * invalidation on a counter, and a value loaded before that moment is never served again (it is
 * dropped when next read, or evicted). An invalidation costs the number of its keys, whatever the
 * cache's size.
 *
 * <p>A value loaded from the database while a write happens must not outlive the write. A loader
 * notes the counter before it reads ({@link #ticket()}); the write invalidates after it commits. If
 * the load read the old data, it began before the invalidation moved the counter, so its ticket is
 * older than the key's mark and the value is refused, whether it was stored before or after the
 * mark.
 *
 * <p>Marks older than twice the longest lifetime are forgotten: a value refused by such a mark was
 * stored before the mark was noted (a later store sees the mark and takes its value back), so it
 * has expired; the second lifetime covers a store that races with the noting.
 */
final class LocalCache<V> {
  /** The name of a cached answer. */
  record Slot(String key, String detail) {}

  /** A cached answer and the counter when its load began. */
  private record Held<V>(V value, long ticket) {}

  /** When a key (or everything) was last invalidated: the counter, and the ticker for pruning. */
  private record Mark(long ticket, long nanos) {}

  /** Marks are pruned once there are this many, at most once per lifetime. */
  private static final int PRUNE_AT = 4096;

  private final Cache<Slot, Held<V>> cache;
  private final Ticker ticker;
  private final long maxLifetimeNanos;
  private final AtomicLong counter = new AtomicLong();
  private final ConcurrentHashMap<String, Mark> marks = new ConcurrentHashMap<>();
  private final AtomicLong everythingMark = new AtomicLong();
  private volatile long prunedAt;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  private LocalCache(Cache<Slot, Held<V>> cache, Ticker ticker, Duration maxLifetime) {
    this.cache = cache;
    this.ticker = ticker;
    this.maxLifetimeNanos = maxLifetime.toNanos();
    this.prunedAt = ticker.read();
  }

  /**
   * A cache of values that retain at most {@code maxBytes} together (none at all when 0), a value
   * retaining {@code bytes(value)} besides its slot (see {@link RetainedBytes}), each living for
   * {@code lifetime(value)}, which is never more than {@code maxLifetime}. When a value would
   * exceed the bound, Caffeine evicts the values least likely to be read again.
   */
  static <V> LocalCache<V> create(
      long maxBytes,
      ToIntFunction<V> bytes,
      Ticker ticker,
      Duration maxLifetime,
      BiFunction<Slot, V, Duration> lifetime) {
    if (maxBytes == 0) {
      return new LocalCache<>(null, ticker, maxLifetime);
    }
    Cache<Slot, Held<V>> cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher(
                (Slot slot, Held<V> held) ->
                    RetainedBytes.ofSlot(slot) + bytes.applyAsInt(held.value()))
            .ticker(ticker)
            .expireAfter(
                Expiry.<Slot, Held<V>>writing(
                    (slot, held) -> min(lifetime.apply(slot, held.value()), maxLifetime)))
            .recordStats()
            .build();
    return new LocalCache<>(cache, ticker, maxLifetime);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  boolean enabled() {
    return cache != null;
  }

  /** The cached value, or null (counting a hit or a miss). */
  V get(Slot slot) {
    Held<V> held = held(slot);
    return held == null ? null : held.value();
  }

  private Held<V> held(Slot slot) {
    if (cache == null) {
      return null;
    }
    Held<V> held = cache.getIfPresent(slot);
    if (held != null && !current(slot.key(), held.ticket())) {
      cache.asMap().remove(slot, held);
      held = null;
    }
    if (held == null) {
      misses.increment();
    } else {
      hits.increment();
    }
    return held;
  }

  private boolean current(String key, long ticket) {
    if (ticket < everythingMark.get()) {
      return false;
    }
    Mark m = marks.get(key);
    return m == null || ticket >= m.ticket();
  }

  /** The ticket to pass to {@link #put} for a value about to be loaded. */
  long ticket() {
    return counter.get();
  }

  /** Stores a value loaded since {@code ticket}, unless its key was invalidated since. */
  void put(Slot slot, V value, long ticket) {
    store(slot, new Held<>(value, ticket));
  }

  private void store(Slot slot, Held<V> held) {
    if (cache == null || !current(slot.key(), held.ticket())) {
      return;
    }
    cache.put(slot, held);
    if (!current(slot.key(), held.ticket())) {
      cache.asMap().remove(slot, held);
    }
  }

  /** The cached value, or {@code load}'s result stored for next time. */
  V get(Slot slot, Supplier<V> load) {
    V v = get(slot);
    if (v != null) {
      return v;
    }
    long t = ticket();
    v = load.get();
    put(slot, v, t);
    return v;
  }

  /** Drops every slot of these keys. */
  void invalidate(Set<String> keys) {
    if (!keys.isEmpty()) {
      mark(keys, counter.incrementAndGet());
    }
  }

  /**
   * Notes the keys as invalidated at {@code ticket}. Two writes of one key may get here in either
   * order, so a later ticket already noted stays.
   */
  void mark(Set<String> keys, long ticket) {
    long now = ticker.read();
    Mark mark = new Mark(ticket, now);
    for (String key : keys) {
      marks.merge(key, mark, (old, next) -> old.ticket() > next.ticket() ? old : next);
    }
    if (marks.size() > PRUNE_AT && now - prunedAt > maxLifetimeNanos) {
      prunedAt = now;
      long before = now - 2 * maxLifetimeNanos;
      marks.values().removeIf(m -> m.nanos() < before);
    }
  }

  /** Drops everything. */
  void invalidateAll() {
    everythingMark.accumulateAndGet(counter.incrementAndGet(), Math::max);
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

  /** The estimated bytes its values retain now (what the bound applies to). */
  long bytes() {
    if (cache == null) {
      return 0;
    }
    return cache.policy().eviction().map(e -> e.weightedSize().orElse(0)).orElse(0L);
  }

  /** How many keys carry an invalidation mark; tests use it to see marks pruned. */
  int marks() {
    return marks.size();
  }

  /** Runs pending maintenance (expiry, eviction) now; tests use it to read exact counts. */
  void cleanUp() {
    if (cache != null) {
      cache.cleanUp();
    }
  }
}
