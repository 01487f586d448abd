package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L1 level of one process: its cached resolutions and ranked predictions, which are forgotten
 * together by key, with their lifetimes and meters.
 *
 * <p>Without Redis nothing tells this process about another one's writes to the same database, so
 * it may ask the database instead (see {@link #watchExternalWrites}).
 */
final class LocalLevel {
  private static final Logger LOG = LoggerFactory.getLogger(LocalLevel.class);

  private final RedisSettings config;
  private final Clock clock;
  private final LocalCache<Optional<Resolution>> resolutions;
  private final LocalCache<List<Prediction>> predictions;
  private Supplier<Set<String>> externalWrites;
  private volatile long nextExternalCheck = Long.MIN_VALUE;
  private boolean externalCheckFailing; // guarded by this

  LocalLevel(RedisSettings config, Clock clock, Ticker ticker, MeterRegistry registry) {
    this.config = config;
    this.clock = clock;
    // Predictions are asked for far less often than resolutions; what they leave unused costs
    // nothing, since Caffeine allocates as values come.
    long forPredictions = config.l1MaxBytes() / 4;
    this.resolutions =
        LocalCache.create(
            config.l1MaxBytes() - forPredictions,
            RetainedBytes::ofResolution,
            ticker,
            config.l1Ttl(),
            (slot, r) -> lifetime(r));
    this.predictions =
        LocalCache.create(
            forPredictions,
            RetainedBytes::ofPredictions,
            ticker,
            config.l1Ttl(),
            (slot, p) -> config.l1Ttl());
    register(registry, resolutions, "resolve");
    register(registry, predictions, "predict");
  }

  /**
   * An answer lives {@code l1Ttl}, a "no default" at most {@code negativeTtl}, none past expiry.
   */
  private Duration lifetime(Optional<Resolution> r) {
    Duration ttl = config.l1Ttl();
    if (r.isEmpty()) {
      return ttl.compareTo(config.negativeTtl()) < 0 ? ttl : config.negativeTtl();
    }
    Instant expires = r.get().entry().expiresAt();
    if (expires != null) {
      Duration left = Duration.between(clock.instant(), expires);
      if (left.compareTo(ttl) < 0) {
        return left.isNegative() ? Duration.ZERO : left;
      }
    }
    return ttl;
  }

  private static void register(MeterRegistry r, LocalCache<?> l1, String cache) {
    FunctionCounter.builder("plandev.cache.gets", l1, LocalCache::hits)
        .tags("level", "l1", "cache", cache, "result", "hit")
        .register(r);
    FunctionCounter.builder("plandev.cache.gets", l1, LocalCache::misses)
        .tags("level", "l1", "cache", cache, "result", "miss")
        .register(r);
    FunctionCounter.builder("plandev.cache.evictions", l1, LocalCache::evictions)
        .tags("level", "l1", "cache", cache)
        .description("values dropped from L1 for size or age")
        .register(r);
    Gauge.builder("plandev.cache.size", l1, LocalCache::size)
        .tags("level", "l1", "cache", cache)
        .register(r);
    Gauge.builder("plandev.cache.bytes", l1, LocalCache::bytes)
        .tags("level", "l1", "cache", cache)
        .description("estimated heap held by L1 values, bounded by redis.l1MaxBytes")
        .baseUnit("bytes")
        .register(r);
  }

  LocalCache<Optional<Resolution>> resolutions() {
    return resolutions;
  }

  LocalCache<List<Prediction>> predictions() {
    return predictions;
  }

  /** Forgets every answer of these keys, or everything with null. */
  void forget(Set<String> keys) {
    if (keys == null) {
      resolutions.invalidateAll();
      predictions.invalidateAll();
    } else {
      resolutions.invalidate(keys);
      predictions.invalidate(keys);
    }
  }

  /**
   * From now on, at most every {@link CachedDefaultsStore#EXTERNAL_CHECK_MS} ms, asks {@code
   * externalWrites} for the keys written since it was last asked (null: it cannot tell which) and
   * forgets them.
   */
  void watchExternalWrites(Supplier<Set<String>> externalWrites) {
    this.externalWrites = externalWrites;
  }

  /** Forgets what other processes wrote, when a check is due; every read passes here. */
  void noticeExternalWrites() {
    if (externalWrites == null) {
      return;
    }
    long now = clock.millis();
    if (now < nextExternalCheck) {
      return; // every read passes here: no lock until a check is due
    }
    synchronized (this) {
      if (now < nextExternalCheck) {
        return;
      }
      nextExternalCheck = now + CachedDefaultsStore.EXTERNAL_CHECK_MS;
      Set<String> keys;
      try {
        keys = externalWrites.get();
        if (externalCheckFailing) {
          externalCheckFailing = false;
          LOG.info("the check for other processes' writes works again");
        }
      } catch (RuntimeException e) {
        // Not knowing what others wrote must not fail this read; forgetting everything keeps the
        // answers true, and the read then goes to the store, which reports its own trouble.
        if (!externalCheckFailing) {
          externalCheckFailing = true;
          LOG.warn(
              "cannot check what other processes wrote ({}); the in-process cache is emptied on"
                  + " every check until this works again",
              e.getMessage());
        }
        keys = null;
      }
      if (keys == null || !keys.isEmpty()) {
        forget(keys);
      }
    }
  }

  /** The counters of resolutions and predictions together, for {@link CacheStats}. */
  CacheStats.Level level() {
    resolutions.cleanUp();
    predictions.cleanUp();
    return new CacheStats.Level(
        resolutions.enabled(),
        resolutions.hits() + predictions.hits(),
        resolutions.misses() + predictions.misses(),
        0,
        resolutions.evictions() + predictions.evictions(),
        resolutions.size() + predictions.size());
  }
}
