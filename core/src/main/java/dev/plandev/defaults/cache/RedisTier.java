package dev.plandev.defaults.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.plandev.defaults.config.DurationText;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Resolution;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The L2 cache in Redis, shared by every instance, guarded by a circuit breaker so that a slow or
 * dead Redis costs the callers nothing but the cache.
 *
 * <h2>Invalidation: generations, not deletions</h2>
 *
 * A write to key K may change K's answer in every context, so invalidation is by key. Deleting
 * {@code def:*:K} would need SCAN over the whole keyspace (KEYS blocks Redis) and races with a
 * reader that read the database just before the write and stores its stale answer just after the
 * delete. Instead each key has a generation token {@code gen:K}, and there is one global token
 * {@code gen} for "everything" (key rotation, or a long outage). A cached resolution carries the
 * tag {@code global/K-token} it was read under. A lookup fetches both tokens and the value in one
 * {@code MGET}; a value whose tag differs is a miss. A write sets {@code gen:K} to a fresh token
 * (unique across instances), then publishes the key on {@code plandev:invalidate}, pipelined on one
 * connection so Redis applies them in that order. The stale reader above stores its answer under
 * the old tag, which no one will accept again; stale values simply expire. The tokens live twice as
 * long as the longest cached value, so a token never disappears while a value tagged with an older
 * token of the same key is alive. (A Redis configured to evict with an {@code allkeys-*} policy can
 * still evict a token early; run it with {@code volatile-lru} or {@code noeviction}.)
 *
 * <p>When the write cannot reach Redis, the key stays owed in {@link Invalidations}: this instance
 * skips L2 until a replay (retried in the background, and at every resubscription) has bumped the
 * tokens and published. The other instances missed the message too; their L1 holds answers for at
 * most {@code l1Ttl}, and each of them empties its L1 when its subscription comes back after a
 * disconnection, since it cannot know what it missed.
 *
 * <h2>Breaker</h2>
 *
 * Every Redis call asks a Resilience4j breaker first. It opens when the share of failed or slow
 * calls among the last calls (at least {@code breakerMinimumCalls}) reaches {@code
 * breakerFailureRate}; then lookups and fills are skipped without touching the network, and reads
 * go to the database. After {@code breakerWaitInOpen} a few calls probe Redis (half-open): the
 * callers' own, or a background PING so that an idle instance recovers too; if they succeed the
 * breaker closes and the cache warms again. Lettuce reconnects on its own, rejecting commands while
 * disconnected, so a dead Redis fails fast instead of queueing. Failures never reach callers: they
 * are counted and logged at most once every 30 s per kind.
 *
 * <p>Resolutions of secret entries are never written to Redis: the database holds them encrypted
 * and Redis would hold them in clear.
 */
final class RedisTier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisTier.class);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(5);
  private static final RedisCodec<String, byte[]> BYTES =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

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

  /** A Redis call made under the breaker. */
  @FunctionalInterface
  interface RedisCall<T> {
    T call() throws Exception;
  }

  private final PlandevConfig.Redis config;
  private final RedisKeys keys;
  private final Clock clock;
  private final CircuitBreaker breaker;
  private final ThrottledLog warnings;
  private final Consumer<Invalidations.Message> remoteInvalidation;
  private final Runnable missedInvalidations;
  private final Invalidations owed = new Invalidations();
  private final String instanceId =
      Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  private final ReentrantLock paying = new ReentrantLock();
  private final Object connecting = new Object();
  private boolean failedBefore;
  private final AtomicLong tokens = new AtomicLong();

  private final ClientResources resources;
  private final RedisClient client;
  private final ScheduledExecutorService background;
  private volatile StatefulRedisConnection<String, String> values;
  private volatile StatefulRedisConnection<String, byte[]> stats;
  private volatile StatefulRedisConnection<String, byte[]> models;
  private volatile StatefulRedisPubSubConnection<String, String> pubSub;
  private volatile String lastError = "";
  private volatile boolean closed;
  private final AtomicBoolean subscribedOnce = new AtomicBoolean();
  private boolean replayScheduled;
  private long retryDelayMillis;

  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder bypassed = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder corrupt = new LongAdder();
  private final Timer latency;
  private final MeterRegistry registry;

  RedisTier(
      PlandevConfig.Redis config,
      Clock clock,
      Ticker ticker,
      MeterRegistry registry,
      Consumer<Invalidations.Message> remoteInvalidation,
      Runnable missedInvalidations) {
    this.config = config;
    this.keys = new RedisKeys(config.keyPrefix());
    this.clock = clock;
    this.registry = registry;
    this.remoteInvalidation = remoteInvalidation;
    this.missedInvalidations = missedInvalidations;
    this.warnings = new ThrottledLog(LOG, ticker, Duration.ofSeconds(30));
    this.breaker = CircuitBreaker.of("redis", breakerConfig(config, clock));
    this.latency =
        Timer.builder("plandev.cache.redis.latency")
            .description("time of Redis calls made by the cache")
            .register(registry);
    registerMeters(registry);
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(config.retryDelay(), maxDelay(config), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(config.timeout()).build())
            .build());
    this.background =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "plandev-redis-cache");
              t.setDaemon(true);
              return t;
            });
    this.retryDelayMillis = config.retryDelay().toMillis();
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

  private static Duration maxDelay(PlandevConfig.Redis config) {
    return config.retryDelay().compareTo(MAX_RETRY_DELAY) > 0
        ? config.retryDelay()
        : MAX_RETRY_DELAY;
  }

  static CircuitBreakerConfig breakerConfig(PlandevConfig.Redis config, Clock clock) {
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

  private void opened(String reason, float rate) {
    Counter.builder("plandev.cache.breaker.opened")
        .description("times the Redis breaker opened, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
    lastError = "breaker opened: " + reason.replace('_', ' ') + " " + rate + "%";
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
    FunctionCounter.builder("plandev.cache.redis.errors", errors, LongAdder::sum)
        .description("Redis calls that failed or timed out")
        .register(r);
    FunctionCounter.builder("plandev.cache.redis.corrupt", corrupt, LongAdder::sum)
        .description("values in Redis that did not parse and were deleted")
        .register(r);
    Gauge.builder("plandev.cache.breaker.state", breaker, b -> stateCode(b.getState()))
        .description("Redis breaker: 0 closed, 1 open, 2 half-open, 3 other")
        .register(r);
    Gauge.builder("plandev.cache.invalidations.owed", owed, Invalidations::size)
        .description("invalidations waiting for Redis to come back")
        .register(r);
  }

  private static int stateCode(CircuitBreaker.State s) {
    return switch (s) {
      case CLOSED -> 0;
      case OPEN -> 1;
      case HALF_OPEN -> 2;
      default -> 3;
    };
  }

  // ---- connecting ------------------------------------------------------------------------------

  /**
   * Connects, trying {@code 1 + maxRetries} times {@code retryDelay} apart (doubling); if Redis
   * still does not answer, goes on trying in the background while reads use the database.
   */
  void start() {
    long period = Math.max(50, Math.min(1000, config.breakerWaitInOpen().toMillis() / 2));
    background.scheduleWithFixedDelay(this::probe, period, period, TimeUnit.MILLISECONDS);
    long delay = config.retryDelay().toMillis();
    for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
      if (tryConnect()) {
        return;
      }
      if (attempt < config.maxRetries()) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        delay = Math.min(delay * 2, maxDelay(config).toMillis());
      }
    }
    LOG.warn(
        "Redis at {}:{} does not answer ({}); the cache uses L1 and the database, and keeps trying",
        config.host(),
        config.port(),
        lastError);
    background.schedule(this::connectInBackground, delay, TimeUnit.MILLISECONDS);
  }

  private void connectInBackground() {
    if (closed || tryConnect()) {
      return;
    }
    retryDelayMillis = Math.min(retryDelayMillis * 2, maxDelay(config).toMillis());
    background.schedule(this::connectInBackground, retryDelayMillis, TimeUnit.MILLISECONDS);
  }

  /** Opens the four connections, or none; held apart from the replay's lock (it may block). */
  private boolean tryConnect() {
    synchronized (connecting) {
      return connect();
    }
  }

  private boolean connect() {
    if (values != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    List<AutoCloseable> opened = new ArrayList<>();
    try {
      StatefulRedisConnection<String, String> v = client.connect(StringCodec.UTF8, uri(0));
      opened.add(v);
      StatefulRedisConnection<String, byte[]> s = client.connect(BYTES, uri(1));
      opened.add(s);
      StatefulRedisConnection<String, byte[]> m = client.connect(BYTES, uri(2));
      opened.add(m);
      StatefulRedisPubSubConnection<String, String> p =
          client.connectPubSub(StringCodec.UTF8, uri(0));
      opened.add(p);
      p.addListener(new Listener());
      p.sync().subscribe(keys.channel());
      values = v;
      stats = s;
      models = m;
      pubSub = p;
      lastError = "";
      LOG.info("Redis cache connected to {}:{}", config.host(), config.port());
      if (failedBefore) {
        // Unsubscribed until now: other instances' invalidations were missed.
        missedInvalidations.run();
      }
      replay();
      return true;
    } catch (RuntimeException e) {
      failedBefore = true;
      lastError =
          "cannot connect to " + config.host() + ":" + config.port() + ": " + e.getMessage();
      for (AutoCloseable c : opened) {
        try {
          c.close();
        } catch (Exception ignored) {
          // already failing; the connection error is the one worth reporting
        }
      }
      return false;
    }
  }

  private RedisURI uri(int database) {
    RedisURI.Builder b =
        RedisURI.Builder.redis(config.host(), config.port())
            .withDatabase(database)
            .withTimeout(config.timeout());
    if (!config.password().isEmpty()) {
      b.withPassword(config.password().toCharArray());
    }
    return b.build();
  }

  /** Hears invalidations from the other instances and notices lost subscriptions. */
  private final class Listener extends RedisPubSubAdapter<String, String> {
    @Override
    public void message(String channel, String message) {
      Invalidations.Message m = Invalidations.parse(message);
      if (m == null) {
        warnings.warn("message", "ignored a malformed invalidation message: " + message, null);
      } else if (!m.sender().equals(instanceId)) {
        remoteInvalidation.accept(m);
      }
    }

    @Override
    public void subscribed(String channel, long count) {
      if (subscribedOnce.getAndSet(true)) {
        // Subscribed again after a disconnection: messages sent meanwhile are lost.
        missedInvalidations.run();
        scheduleReplay();
      }
    }
  }

  /**
   * Pings Redis while the breaker is not closed, so that an idle instance notices Redis is back
   * (and reports it healthy) without waiting for traffic.
   */
  private void probe() {
    StatefulRedisConnection<String, String> c = values;
    for (int i = 0;
        c != null && !closed && breaker.getState() != CircuitBreaker.State.CLOSED && i < 3;
        i++) {
      if (guarded("ping", () -> c.sync().ping()).isEmpty()) {
        return;
      }
    }
  }

  // ---- calls under the breaker -----------------------------------------------------------------

  /** The call's result, or empty when the breaker refused it or it failed (never an exception). */
  private <T> Optional<T> guarded(String operation, RedisCall<T> call) {
    if (!breaker.tryAcquirePermission()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    try {
      T result = call.call();
      long took = System.nanoTime() - start;
      breaker.onSuccess(took, TimeUnit.NANOSECONDS);
      latency.record(took, TimeUnit.NANOSECONDS);
      return Optional.of(result);
    } catch (Exception e) {
      failed(operation, System.nanoTime() - start, e);
      return Optional.empty();
    }
  }

  private void failed(String operation, long tookNanos, Throwable e) {
    if (e instanceof CallNotPermittedException || closed) {
      return;
    }
    breaker.onError(tookNanos, TimeUnit.NANOSECONDS, e);
    latency.record(tookNanos, TimeUnit.NANOSECONDS);
    errors.increment();
    lastError = "Redis " + operation + " failed: " + e.getMessage();
    warnings.warn(operation, "Redis cache " + operation + " failed, using the database", e);
  }

  // ---- resolutions (db 0) ----------------------------------------------------------------------

  /** Looks up the cached answer for a key in a context. */
  Lookup lookup(String key, String contextJson) {
    StatefulRedisConnection<String, String> c = values;
    if (c == null || !owed.isEmpty()) {
      bypassed.increment();
      return Lookup.BYPASS;
    }
    String name = keys.resolution(contextJson, key);
    Optional<List<KeyValue<String, String>>> got =
        guarded("read", () -> c.sync().mget(keys.globalGeneration(), keys.generation(key), name));
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
    try {
      ResolutionCodec.Decoded d = ResolutionCodec.decode(kv.get(2).getValue());
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
      warnings.warn("corrupt", "deleted a cached value that does not parse at " + name, e);
      guarded("delete", () -> c.sync().del(name));
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
    StatefulRedisConnection<String, String> c = values;
    if (c == null || (r != null && r.entry().secret())) {
      return;
    }
    long ttl = r == null ? config.negativeTtl().toMillis() : lifetime(r.entry());
    if (ttl <= 0 || !breaker.tryAcquirePermission()) {
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
                  breaker.onSuccess(took, TimeUnit.NANOSECONDS);
                  latency.record(took, TimeUnit.NANOSECONDS);
                } else {
                  failed("write", took, e);
                }
              });
    } catch (RuntimeException e) {
      failed("write", System.nanoTime() - start, e);
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

  // ---- invalidation ----------------------------------------------------------------------------

  /** Makes Redis and the other instances forget these keys (or everything, with null). */
  void invalidate(Set<String> changed) {
    if (changed == null) {
      owed.oweEverything();
    } else if (!changed.isEmpty()) {
      owed.owe(changed);
    }
    replay();
  }

  /**
   * Pays what is owed to Redis; on failure tries again later. One thread pays at a time; a writer
   * that finds another paying leaves its debt to it, since the payer looks again before it leaves.
   */
  void replay() {
    while (!closed && !owed.isEmpty() && paying.tryLock()) {
      boolean paid;
      try {
        paid = payAll();
      } finally {
        paying.unlock();
      }
      if (!paid) {
        scheduleReplay();
        return;
      }
    }
  }

  private boolean payAll() {
    while (!owed.isEmpty()) {
      StatefulRedisConnection<String, String> c = values;
      Invalidations.Debt debt = owed.debt();
      if (c == null || guarded("invalidate", () -> pay(c, debt)).isEmpty()) {
        return false;
      }
      owed.paid(debt);
    }
    return true;
  }

  private boolean pay(StatefulRedisConnection<String, String> c, Invalidations.Debt debt)
      throws Exception {
    RedisAsyncCommands<String, String> a = c.async();
    List<RedisFuture<?>> sent = new ArrayList<>();
    long tokenLife = config.maxTtl().toMillis() * 2;
    if (debt.everything()) {
      sent.add(a.set(keys.globalGeneration(), nextToken()));
    }
    for (String k : debt.keys()) {
      sent.add(a.set(keys.generation(k), nextToken(), SetArgs.Builder.px(tokenLife)));
    }
    sent.add(a.publish(keys.channel(), Invalidations.message(instanceId, debt)));
    if (!LettuceFutures.awaitAll(config.timeout(), sent.toArray(new RedisFuture<?>[0]))) {
      throw new java.util.concurrent.TimeoutException(
          "invalidation of "
              + debt.keys().size()
              + " keys took over "
              + DurationText.format(config.timeout()));
    }
    return true;
  }

  private String nextToken() {
    return instanceId + "." + Long.toString(tokens.incrementAndGet(), 36);
  }

  private synchronized void scheduleReplay() {
    if (closed || replayScheduled) {
      return;
    }
    replayScheduled = true;
    try {
      background.schedule(
          this::scheduledReplay,
          Math.max(config.retryDelay().toMillis(), 50),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      replayScheduled = false; // closing
    }
  }

  private void scheduledReplay() {
    synchronized (this) {
      replayScheduled = false;
    }
    replay();
  }

  // ---- shared values (db 1, db 2) --------------------------------------------------------------

  /** Values of one database under one key pattern and lifetime. */
  private final class Shared implements SharedValues {
    private final boolean isModels;

    Shared(boolean isModels) {
      this.isModels = isModels;
    }

    private StatefulRedisConnection<String, byte[]> connection() {
      return isModels ? models : stats;
    }

    private String name(String n) {
      return isModels ? keys.model(n) : keys.stats(n);
    }

    @Override
    public Optional<byte[]> get(String name) {
      StatefulRedisConnection<String, byte[]> c = connection();
      if (c == null) {
        return Optional.empty();
      }
      return guarded("read", () -> Optional.ofNullable(c.sync().get(name(name)))).flatMap(o -> o);
    }

    @Override
    public void put(String name, byte[] value) {
      StatefulRedisConnection<String, byte[]> c = connection();
      Duration ttl = isModels ? config.modelTtl() : config.statsTtl();
      if (c != null) {
        guarded("write", () -> c.sync().set(name(name), value, SetArgs.Builder.px(ttl)));
      }
    }

    @Override
    public void remove(String name) {
      StatefulRedisConnection<String, byte[]> c = connection();
      if (c != null) {
        guarded("delete", () -> c.sync().del(name(name)));
      }
    }
  }

  SharedValues models() {
    return new Shared(true);
  }

  SharedValues stats() {
    return new Shared(false);
  }

  // ---- state -----------------------------------------------------------------------------------

  CircuitBreaker breaker() {
    return breaker;
  }

  CacheStats.Level level() {
    return new CacheStats.Level(true, hits.sum(), misses.sum(), bypassed.sum(), 0, 0);
  }

  long errors() {
    return errors.sum();
  }

  long corrupt() {
    return corrupt.sum();
  }

  CacheHealth health() {
    CircuitBreaker.State state = breaker.getState();
    StatefulRedisConnection<String, String> c = values;
    boolean up = c != null && c.isOpen() && state == CircuitBreaker.State.CLOSED;
    String detail;
    if (up) {
      detail = owed.isEmpty() ? "" : owed.size() + " invalidations waiting";
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
    synchronized (this) {
      closed = true;
    }
    background.shutdownNow();
    for (AutoCloseable c : new AutoCloseable[] {pubSub, values, stats, models}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          LOG.debug("closing a Redis connection failed", e);
        }
      }
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    resources.shutdown(0, 2, TimeUnit.SECONDS);
  }
}
