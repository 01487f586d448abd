package dev.plandev.defaults;

import dev.plandev.defaults.cache.CacheHealth;
import dev.plandev.defaults.cache.CacheStats;
import dev.plandev.defaults.cache.CachedDefaultsStore;
import dev.plandev.defaults.cache.SharedValues;
import dev.plandev.defaults.config.PlandevConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Smart Defaults engine: the one way into the core module for the CLI, the service and programs
 * that embed plandev.
 *
 * <pre>{@code
 * try (SmartDefaults defaults = SmartDefaults.open(PlandevConfig.defaults(), Clock.systemUTC())) {
 *   defaults.store().put(DefaultSpec.of("plan.author", "ada"), Actor.of("me"));
 *   defaults.resolve("plan.author", Context.of("project", "x"));
 * }
 * }</pre>
 */
public final class SmartDefaults implements AutoCloseable {
  private final PlandevConfig config;
  private final CachedDefaultsStore store;
  private final UsagePredictor predictor;
  private final JdbcDefaultsStore database;
  private final ApiKeys apiKeys;

  private SmartDefaults(
      PlandevConfig config, JdbcDefaultsStore database, CachedDefaultsStore store) {
    this.config = config;
    this.database = database;
    this.store = store;
    this.predictor = new UsagePredictor(store, config.ml().threshold());
    this.apiKeys = new ApiKeys(database);
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
   * redis.enabled}), with the cache's meters in {@code registry}. Redis being unreachable is not an
   * error: the cache connects in the background and reads go to the database meanwhile.
   *
   * @throws StorageException when the database cannot be opened or migrated
   */
  public static SmartDefaults open(PlandevConfig config, Clock clock, MeterRegistry registry) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(registry, "registry");
    List<String> problems = config.problems();
    if (!problems.isEmpty()) {
      throw new dev.plandev.defaults.config.ConfigException(
          "invalid configuration: " + String.join("; ", problems));
    }
    Database db = Database.open(config);
    EntryValidator validator =
        new EntryValidator(config.security().maxValueBytes(), config.security().maxContextFields());
    SecretCipher cipher =
        new SecretCipher(
            config.security().encryptionKey(), config.resolve(config.security().keyFile()));
    JdbcDefaultsStore jdbc = new JdbcDefaultsStore(db, clock, validator, cipher);
    try {
      return new SmartDefaults(
          config, jdbc, CachedDefaultsStore.open(jdbc, config.redis(), clock, registry));
    } catch (RuntimeException e) {
      jdbc.close();
      throw e;
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
    if (key == null || !EntryValidator.KEY.matcher(key).matches()) {
      errors.add(
          new InvalidInputException.FieldError(
              "key",
              "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -; got '"
                  + Texts.truncate(key)
                  + "'"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return store.predictions(key, context, limit, () -> predictor.predict(key, context, limit));
  }

  /** Records what was done with a suggestion, so later suggestions are better. */
  public UsageEvent feedback(Feedback feedback) {
    return store.recordUsage(feedback);
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

  /** Compacts and re-indexes the database (the scheduler runs it weekly). */
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

  /** Ranking models shared by every instance through Redis ({@code ml:model:{key}}, db 2). */
  public SharedValues sharedModels() {
    return store.models();
  }

  /** Usage statistics shared by every instance through Redis ({@code stats:{key}}, db 1). */
  public SharedValues sharedUsageStats() {
    return store.usageStats();
  }

  @Override
  public void close() {
    store.close();
  }
}
