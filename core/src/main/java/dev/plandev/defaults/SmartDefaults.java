package dev.plandev.defaults;

import dev.plandev.defaults.config.PlandevConfig;
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
  private final DefaultsStore store;
  private final UsagePredictor predictor;

  private SmartDefaults(PlandevConfig config, DefaultsStore store) {
    this.config = config;
    this.store = store;
    this.predictor = new UsagePredictor(store, config.ml().threshold());
  }

  /**
   * Opens the configured store (SQLite under the data directory, or PostgreSQL), migrating its
   * schema to the current version first.
   *
   * @throws StorageException when the database cannot be opened or migrated
   */
  public static SmartDefaults open(PlandevConfig config, Clock clock) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
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
    return new SmartDefaults(config, new JdbcDefaultsStore(db, clock, validator, cipher));
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
    return predictor.predict(key, context, limit);
  }

  /** Records what was done with a suggestion, so later suggestions are better. */
  public UsageEvent feedback(Feedback feedback) {
    return store.recordUsage(feedback);
  }

  /** Import and export of all entries. */
  public DefaultsExchange exchange() {
    return new DefaultsExchange(store);
  }

  @Override
  public void close() {
    store.close();
  }
}
