package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.DuplicateEntryException;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StaleVersionException;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link DefaultsStore} that answers resolves from a two-level cache, L1 in this process and L2
 * in Redis, in front of the database, and keeps both levels true to the database's writes.
 *
 * <p>A resolve looks in L1, then in L2, then asks the database and fills both. Every write (create,
 * put, update, delete, batch, import, feedback, key rotation) empties the written keys from this
 * process's L1 at once, then makes Redis and, through it, every other instance forget them (see
 * {@link InvalidationBus} for how). Answers expire by time too: a "no default" answer after {@code
 * negativeTtl}, and an answer never outlives its entry's {@code expires_at}. Usage figures in a
 * cached resolution are fresh too, since feedback invalidates its key.
 *
 * <p>Redis trouble never reaches a caller: with Redis down, slow or failing, a circuit breaker
 * opens and reads go to the database; {@link #health()} says so. Database errors do reach the
 * caller, as without a cache. Built by {@code SmartDefaults}; use {@link #open} elsewhere.
 */
public final class CachedDefaultsStore implements DefaultsStore {
  /**
   * How often, at most, the cache asks the database which keys were written behind its back (no
   * Redis): the bound on how long another process's write may go unseen. A look costs a read of
   * SQLite's data_version on a kept connection, or nothing on PostgreSQL (the notices are already
   * in memory), so four a second keep that bound well under the one second users are promised.
   */
  public static final long EXTERNAL_CHECK_MS = 250;

  private static final String RESULT = "plandev.cache.result";

  private final DefaultsStore store;
  private final LocalLevel l1;
  private final RedisTier redis;
  private volatile Tracing tracing = Tracing.OFF;

  CachedDefaultsStore(
      DefaultsStore store,
      RedisSettings config,
      Clock clock,
      Ticker ticker,
      MeterRegistry registry) {
    this.store = store;
    this.l1 = new LocalLevel(config, clock, ticker, registry);
    this.redis =
        config.enabled()
            ? new RedisTier(
                config,
                clock,
                ticker,
                registry,
                this::invalidatedElsewhere,
                this::missedInvalidations)
            : null;
  }

  /**
   * A cache in front of {@code store} as {@code config} says: L1 unless {@code l1MaxBytes} is 0, L2
   * when {@code enabled}. Connecting to Redis is tried {@code 1 + maxRetries} times, then goes on
   * in the background; this never fails because of Redis. Closing it closes {@code store}.
   *
   * @param clock the time of expiry decisions (L1 lifetimes, the breaker's wait)
   * @param registry where the cache's meters go ({@code plandev.cache.*})
   */
  public static CachedDefaultsStore open(
      DefaultsStore store, RedisSettings config, Clock clock, MeterRegistry registry) {
    return open(store, config, clock, registry, null);
  }

  /**
   * Opens the cache; without Redis, {@code externalWrites} (when not null) is asked at most every
   * {@link #EXTERNAL_CHECK_MS} ms for the keys written since it was last asked, by this process or
   * another on the same database (null: it cannot tell which), and L1 forgets those keys (null:
   * everything). Writes by another process are so served within that bound instead of after the L1
   * lifetime.
   */
  public static CachedDefaultsStore open(
      DefaultsStore store,
      RedisSettings config,
      Clock clock,
      MeterRegistry registry,
      Supplier<Set<String>> externalWrites) {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(registry, "registry");
    CachedDefaultsStore cache =
        new CachedDefaultsStore(store, config, clock, tickerOf(clock), registry);
    if (cache.redis != null) {
      cache.redis.start();
    } else if (externalWrites != null) {
      cache.l1.watchExternalWrites(externalWrites);
    }
    return cache;
  }

  /**
   * Makes a span for each cache level looked at and each store query of a resolve, under the
   * caller's span (attribute {@code plandev.cache.result}: hit, miss or bypass).
   */
  public void trace(Tracing t) {
    this.tracing = Objects.requireNonNull(t, "tracing");
  }

  /** Caffeine's time: the fast system ticker for the system clock, else the given clock's. */
  static Ticker tickerOf(Clock clock) {
    if (clock.getClass() == Clock.systemUTC().getClass()) {
      return Ticker.systemTicker();
    }
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  // ---- the cached paths ------------------------------------------------------------------------

  @Override
  public Optional<Resolution> resolve(String key, Context context) {
    l1.noticeExternalWrites();
    LocalCache.Slot slot = new LocalCache.Slot(key, context.toJson());
    Tracing t = tracing;
    Span span = t.start("plandev.cache.l1");
    Optional<Resolution> cached = l1.resolutions().get(slot);
    if (t.on()) {
      span.setAttribute(RESULT, cached != null ? "hit" : "miss");
      span.end();
    }
    return cached != null ? cached : load(slot, context, t);
  }

  /** Loads a missed answer from L2 or the database into L1. */
  private Optional<Resolution> load(LocalCache.Slot slot, Context context, Tracing t) {
    String key = slot.key();
    LocalCache<Optional<Resolution>> resolutions = l1.resolutions();
    long ticket = resolutions.ticket();
    RedisResolutions.Lookup found;
    if (redis == null) {
      found = RedisResolutions.Lookup.BYPASS;
    } else {
      Span l2 = t.start("plandev.cache.l2");
      found = redis.resolutions().lookup(key, slot.detail());
      l2.setAttribute(RESULT, found.outcome().name().toLowerCase(java.util.Locale.ROOT));
      l2.end();
    }
    if (found.outcome() == RedisResolutions.Outcome.HIT) {
      Optional<Resolution> r = Optional.ofNullable(found.resolution());
      resolutions.put(slot, r, ticket);
      return r;
    }
    Span query = t.start("plandev.store.resolve");
    Optional<Resolution> r;
    try {
      r = store.resolve(key, context);
    } catch (RuntimeException e) {
      query.recordException(e);
      query.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      query.end();
    }
    resolutions.put(slot, r, ticket);
    if (found.outcome() == RedisResolutions.Outcome.MISS) {
      redis.resolutions().fill(key, slot.detail(), found.tag(), r.orElse(null));
    }
    return r;
  }

  /**
   * The ranked candidates for a key, context and limit from L1, or from {@code rank} (stored in L1
   * until the key is written to or receives feedback, or {@code l1Ttl} passes). This is the hook of
   * {@code SmartDefaults.predict}, whatever engine ranks.
   */
  public List<Prediction> predictions(
      String key, Context context, int limit, Supplier<List<Prediction>> rank) {
    l1.noticeExternalWrites();
    return l1.predictions()
        .get(
            new LocalCache.Slot(key, context.toJson() + "#" + limit),
            () -> List.copyOf(rank.get()));
  }

  /**
   * Drops the cached predictions of {@code keys}, once the ranking engine has learned new usage
   * events of them: a prediction ranked before then is behind.
   */
  public void forgetPredictions(Set<String> keys) {
    l1.predictions().invalidate(keys);
  }

  // ---- writes: delegate, then invalidate -------------------------------------------------------

  @Override
  public DefaultEntry create(DefaultSpec spec, Actor actor) {
    return writing(keysOf(spec), () -> store.create(spec, actor));
  }

  @Override
  public DefaultEntry put(DefaultSpec spec, Actor actor) {
    return writing(keysOf(spec), () -> store.put(spec, actor));
  }

  @Override
  public DefaultEntry update(long id, long expectedVersion, DefaultSpec spec, Actor actor) {
    // The update may move the entry to another key: both keys change.
    Set<String> keys = keysOf(spec);
    store.find(id).ifPresent(e -> keys.add(e.key()));
    return writing(keys, () -> store.update(id, expectedVersion, spec, actor));
  }

  @Override
  public DefaultEntry delete(long id, Long expectedVersion, Actor actor) {
    Set<String> keys = new HashSet<>();
    store.find(id).ifPresent(e -> keys.add(e.key()));
    return writing(keys, () -> store.delete(id, expectedVersion, actor));
  }

  @Override
  public BatchResult batch(List<BatchOperation> operations, boolean atomic, Actor actor) {
    Set<String> keys = new HashSet<>();
    for (BatchOperation op : operations) {
      if (op != null && op.spec() != null && op.spec().key() != null) {
        keys.add(op.spec().key());
      }
    }
    return writing(keys, () -> store.batch(operations, atomic, actor));
  }

  @Override
  public ImportReport importAll(List<ExportedDefault> rows, boolean partial, Actor actor) {
    Set<String> keys = new HashSet<>();
    for (ExportedDefault row : rows) {
      if (row != null && row.key() != null) {
        keys.add(row.key());
      }
    }
    return writing(keys, () -> store.importAll(rows, partial, actor));
  }

  @Override
  public ImportReport checkImport(List<ExportedDefault> rows) {
    return store.checkImport(rows);
  }

  @Override
  public UsageEvent recordUsage(Feedback feedback) {
    Set<String> keys = new HashSet<>();
    if (feedback != null && feedback.key() != null) {
      keys.add(feedback.key());
    }
    return writing(keys, () -> store.recordUsage(feedback));
  }

  @Override
  public int rotateKey(Actor actor) {
    return writing(null, () -> store.rotateKey(actor));
  }

  /**
   * Runs a write, then invalidates its keys (null: everything). A write the store refused before
   * touching the database invalidates nothing; any other failure might have committed, so it
   * invalidates too.
   */
  private <T> T writing(Set<String> keys, Supplier<T> write) {
    T result;
    try {
      result = write.get();
    } catch (InvalidInputException
        | DuplicateEntryException
        | StaleVersionException
        | EntryNotFoundException e) {
      throw e;
    } catch (RuntimeException e) {
      invalidate(keys);
      throw e;
    }
    invalidate(keys);
    return result;
  }

  private static Set<String> keysOf(DefaultSpec spec) {
    Set<String> keys = new HashSet<>();
    if (spec != null && spec.key() != null) {
      keys.add(spec.key());
    }
    return keys;
  }

  private void invalidate(Set<String> keys) {
    l1.forget(keys);
    if (redis != null) {
      redis.invalidate(keys);
    }
  }

  private void invalidatedElsewhere(Invalidations.Message m) {
    l1.forget(m.everything() ? null : m.keys());
  }

  private void missedInvalidations() {
    l1.forget(null);
  }

  // ---- uncached paths --------------------------------------------------------------------------

  @Override
  public Optional<DefaultEntry> find(long id) {
    return store.find(id);
  }

  @Override
  public Optional<DefaultEntry> find(String key, Context context) {
    return store.find(key, context);
  }

  @Override
  public Page<DefaultEntry> list(ListQuery query) {
    return store.list(query);
  }

  @Override
  public Page<Change> changes(String key, int page, int limit) {
    return store.changes(key, page, limit);
  }

  @Override
  public List<UsageEvent> usageEvents(String key, long afterId, int limit) {
    return store.usageEvents(key, afterId, limit);
  }

  @Override
  public List<ExportedDefault> exportAll() {
    return store.exportAll();
  }

  // ---- statistics, health ----------------------------------------------------------------------

  /** The cache's counters now. */
  public CacheStats stats() {
    CacheStats.Level local = l1.level();
    if (redis == null) {
      return new CacheStats(local, new CacheStats.Level(false, 0, 0, 0, 0, 0), "DISABLED", 0, 0);
    }
    return new CacheStats(
        local,
        redis.resolutions().level(),
        redis.breakerState().name(),
        redis.errors(),
        redis.resolutions().corrupt());
  }

  /** Whether Redis serves the cache; reads work either way. */
  public CacheHealth health() {
    return redis == null
        ? new CacheHealth(CacheHealth.Status.DISABLED, "DISABLED", "redis.enabled is false")
        : redis.health();
  }

  RedisTier redis() {
    return redis;
  }

  @Override
  public void close() {
    try {
      if (redis != null) {
        redis.close();
      }
    } finally {
      store.close();
    }
  }
}
