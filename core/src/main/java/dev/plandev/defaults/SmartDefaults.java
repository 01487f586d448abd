package dev.plandev.defaults;

import dev.plandev.defaults.cache.CacheHealth;
import dev.plandev.defaults.cache.CacheStats;
import dev.plandev.defaults.cache.CachedDefaultsStore;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EngineHealth;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.StoreStats;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.rank.Ranker;
import dev.plandev.defaults.rank.RankerConfig;
import dev.plandev.defaults.rank.RankingException;
import dev.plandev.defaults.store.ApiKeys;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import dev.plandev.defaults.store.StoreHealth;
import dev.plandev.defaults.tracing.Tracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The Smart Defaults engine: the one way into the core module for the CLI, the service and programs
 * that embed plandev.
 *
 * <pre>{@code
 * PlandevConfig config = PlandevConfig.defaults().withDataDir(dataDir.toString());
 * try (SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC())) {
 *   defaults.store().put(DefaultSpec.of("plan.author", "ada"), Actor.of("me"));
 *   Optional<Resolution> answer = defaults.resolve("plan.author", Context.of("project", "x"));
 *   System.out.println(answer.orElseThrow().entry().value()); // ada
 * }
 * }</pre>
 */
public final class SmartDefaults implements AutoCloseable {
  private final PlandevConfig config;
  private final CachedDefaultsStore store;
  private final UsagePredictor usageCounts;
  private final LearnedPredictor learned;
  private final JdbcDefaultsStore database;
  private final ApiKeys apiKeys;
  private final RankingMeters rankingMeters;
  private volatile Tracing tracing = Tracing.OFF;

  private SmartDefaults(
      PlandevConfig config,
      JdbcDefaultsStore database,
      CachedDefaultsStore store,
      LearnedPredictor learned,
      RankingMeters rankingMeters) {
    this.config = config;
    this.rankingMeters = rankingMeters;
    this.database = database;
    this.store = store;
    this.learned = learned;
    this.usageCounts = learned == null ? new UsagePredictor(store, config.ml().threshold()) : null;
    this.apiKeys = database.apiKeys();
  }

  /**
   * Opens the configured store (SQLite under the data directory, or PostgreSQL), migrating its
   * schema to the current version first.
   *
   * @throws StorageException when the database cannot be opened or migrated
   */
  public static SmartDefaults open(PlandevConfig config, Clock clock) {
    return open(config, clock, new SimpleMeterRegistry());
  }

  /**
   * Opens the configured store behind its cache (L1 in this process, L2 in Redis when {@code
   * redis.enabled}), with the cache's and the store's meters in {@code registry}. Redis being
   * unreachable is not an error: the cache connects in the background and reads go to the database
   * meanwhile.
   *
   * @throws StorageException when the database cannot be opened or migrated
   */
  public static SmartDefaults open(PlandevConfig config, Clock clock, MeterRegistry registry) {
    return open(config, clock, registry, UnaryOperator.identity());
  }

  /** Opens with the ranking engine wrapped by {@code engine} (tests make it slow or failing). */
  static SmartDefaults open(
      PlandevConfig config,
      Clock clock,
      MeterRegistry registry,
      UnaryOperator<RankingEngine> engine) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(registry, "registry");
    JdbcDefaultsStore jdbc = JdbcDefaultsStore.open(config, clock, registry);
    try {
      CachedDefaultsStore cached =
          CachedDefaultsStore.open(jdbc, config.redis(), clock, registry, jdbc.externalWrites());
      LearnedPredictor learned = null;
      RankingMeters rankingMeters = new RankingMeters(registry);
      if (config.ml().enabled()) {
        Path modelDir = config.resolve(config.ml().modelPath());
        learned =
            new LearnedPredictor(
                engine.apply(RankingEngine.of(openRanker(config, modelDir, clock))),
                jdbc,
                cached,
                config.ml(),
                modelDir,
                clock,
                cached::forgetPredictions,
                rankingMeters);
      }
      return new SmartDefaults(config, jdbc, cached, learned, rankingMeters);
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
    }
  }

  /**
   * The saved engine, or a fresh one. A model file that cannot be read is set aside rather than
   * stopping the service: the engine then relearns from the usage events, which are the source of
   * truth (the offset file goes with it, so learning starts from the first event).
   */
  private static Ranker openRanker(PlandevConfig config, Path modelDir, Clock clock) {
    RankerConfig rc =
        RankerConfig.defaults().toBuilder()
            .confidenceThreshold(config.ml().threshold())
            .updatePeriod(config.ml().updatePeriod())
            .batchSize(config.ml().batchSize())
            .modelPath(modelDir)
            .build();
    try {
      return Ranker.open(rc, clock);
    } catch (RankingException e) {
      String suffix = ".unreadable-" + clock.millis();
      try (var files = java.nio.file.Files.list(modelDir)) {
        for (Path f : files.toList()) {
          // Files set aside by an earlier start stay as they were.
          if (!f.getFileName().toString().contains(".unreadable-")) {
            java.nio.file.Files.move(f, f.resolveSibling(f.getFileName() + suffix));
          }
        }
      } catch (java.io.IOException io) {
        throw new StorageException(
            "the ranking model in "
                + modelDir
                + " is unreadable ("
                + e.getMessage()
                + ") and cannot be moved aside: "
                + io.getMessage(),
            io);
      }
      org.slf4j.LoggerFactory.getLogger(SmartDefaults.class)
          .warn(
              "ranking model in {} is unreadable ({}); kept as *{} and relearning",
              modelDir,
              e.getMessage(),
              suffix);
      return Ranker.create(rc, clock);
    }
  }

  public PlandevConfig config() {
    return config;
  }

  /** The store of entries, audit trail and usage events. */
  public DefaultsStore store() {
    return store;
  }

  /** The default that answers a key in a context; see {@link DefaultsStore#resolve}. */
  public Optional<Resolution> resolve(String key, Context context) {
    return store.resolve(key, context);
  }

  /** Candidate values for a key in a context, most likely first. */
  public List<Prediction> predict(String key, Context context, int limit) {
    if (limit < 1 || limit > 100) {
      throw new InvalidInputException("limit", "must be between 1 and 100; got " + limit);
    }
    List<InvalidInputException.FieldError> errors = new java.util.ArrayList<>();
    EntryValidator.checkKey(key, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return store.predictions(
        key,
        context,
        limit,
        () ->
            learned != null
                ? learned.predict(key, context, limit)
                : usageCounts.predict(key, context, limit));
  }

  /** Records what was done with a suggestion, and the engine learns it at once. */
  public UsageEvent feedback(Feedback feedback) {
    UsageEvent recorded =
        learned != null ? learned.feedback(feedback) : store.recordUsage(feedback);
    rankingMeters.feedback(feedback); // once recorded: refused feedback tells no accuracy
    return recorded;
  }

  /**
   * Asks the engine to learn the usage events written so far, in the background; the answer
   * completes once they are learned, so tests await learning instead of sleeping.
   */
  java.util.concurrent.CompletableFuture<Long> catchUp() {
    return learned == null
        ? java.util.concurrent.CompletableFuture.completedFuture(0L)
        : learned.catchUp();
  }

  /** The ranking engine's health: its breaker and how far it has learned. */
  public EngineHealth engineHealth() {
    return learned == null ? new EngineHealth("DISABLED", "DISABLED", 0, "") : learned.health();
  }

  /**
   * Retrains the engine when {@code ml.updatePeriod} has passed since the last time and saves the
   * model; the service's scheduler calls it. Returns whether it retrained.
   */
  public boolean retrainIfDue() {
    return learned != null && learned.retrainIfDue();
  }

  /**
   * Traces the engine through {@code t} from now on: a span for each cache level and store query of
   * a resolve and for each ranking, under the caller's current span. Off until called.
   */
  public void trace(Tracing t) {
    this.tracing = java.util.Objects.requireNonNull(t, "tracing");
    store.trace(t);
    if (learned != null) {
      learned.trace(t);
    }
  }

  /** Where the engine's spans go ({@link Tracing#OFF} unless {@link #trace} was called). */
  public Tracing tracing() {
    return tracing;
  }

  /** The API keys of the HTTP service. */
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  /** Counts of entries, audit rows and usage events. */
  public StoreStats stats() {
    return database.stats();
  }

  /**
   * How long a trivial query takes on the database.
   *
   * @throws StorageException when the database does not answer
   */
  public java.time.Duration pingDatabase() {
    return database.ping();
  }

  /**
   * Empty when the store can serve now; otherwise why not, in words safe for any client (no
   * PostgreSQL server answers as the primary), for {@code /ready}.
   */
  public java.util.Optional<String> whyNotReady() {
    return database.whyNotReady();
  }

  /**
   * Whether the database passed its last integrity check, whether writes are failing (a full disk,
   * a read-only file) and whether its server answers, with the last outage, for {@code /health}.
   */
  public StoreHealth storeHealth() {
    return database.health();
  }

  /**
   * Checks the database's integrity, then compacts and re-indexes it (the scheduler runs it
   * weekly).
   *
   * @throws StorageException when the database is damaged (then it is not compacted)
   */
  public void maintain() {
    database.maintain();
  }

  /**
   * Where the store lives, for health reports: {@code SQLite <file>} or {@code PostgreSQL <url>}.
   */
  public String databaseDescription() {
    return database.description();
  }

  /** Import and export of all entries. */
  public DefaultsExchange exchange() {
    return new DefaultsExchange(store);
  }

  /** Hits and misses per cache level, for {@code GET /api/v1/stats}. */
  public CacheStats cacheStats() {
    return store.stats();
  }

  /** Whether Redis serves the cache, for {@code /health}; the service is ready either way. */
  public CacheHealth cacheHealth() {
    return store.health();
  }

  @Override
  public void close() {
    if (learned != null) {
      learned.close(); // saves what was learned since the last save
    }
    store.close();
  }
}
