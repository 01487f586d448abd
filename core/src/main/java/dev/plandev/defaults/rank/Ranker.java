package dev.plandev.defaults.rank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;

/**
 * The ranking engine of smart defaults: ranks the values seen for a key by the calibrated
 * probability that each is the one chosen in a context, and learns from every event.
 *
 * <p>It is an in-memory engine fed with events ({@link #learn}); it keeps per key up to {@link
 * RankerConfig#maxCandidatesPerKey()} values with incrementally updated counts, and a model whose
 * weights are learned online (see {@code RankingModel}). {@link #save()} and {@link #open} keep it
 * across restarts in {@link RankerConfig#modelPath()}.
 *
 * <p>It checks the arguments, keeps the state of each key ({@code KeyState}) and hands the work to
 * one class per idea: {@code CandidateRanking} answers {@link #rank}, {@code OnlineLearner} learns
 * each event, {@code Retrainer} keeps the recent events and retrains on them, and {@code ModelFile}
 * writes and reads the whole state.
 *
 * <p>Time never comes from the system inside the engine: every call takes the event or request
 * time, or uses the injected {@link Clock}.
 *
 * <p>Thread-safety: all methods may be called from any thread. Each key has a read-write lock:
 * rankings of a key share its read lock and run in parallel; learning an event takes the write lock
 * of that key only, so keys learn independently. The weights shared by all keys and the calibration
 * map are published as immutable snapshots, read without locking.
 */
public final class Ranker {
  static final String MODEL_FILE = "ranker.model";

  private final RankerConfig config;
  private final Clock clock;
  private final double lambda;
  final RankingModel model;
  final Calibrator calibrator = new Calibrator();
  final Map<String, KeyState> keys = new ConcurrentHashMap<>();
  private final CandidateRanking ranking;
  private final Retrainer retrainer;
  private final OnlineLearner learner;

  private Ranker(RankerConfig config, Clock clock) {
    if (config == null || clock == null) {
      throw new RankingException("config and clock are required, got " + config + ", " + clock);
    }
    this.config = config;
    this.clock = clock;
    this.lambda = Math.log(2) / (config.halfLife().toMillis() / 1000.0);
    this.model = new RankingModel(config.learningRate(), config.regularization());
    this.ranking = new CandidateRanking(model, calibrator, config);
    this.retrainer = new Retrainer(model, config, clock);
    this.learner = new OnlineLearner(model, calibrator, retrainer);
  }

  /** A new engine that knows nothing yet. */
  public static Ranker create(RankerConfig config, Clock clock) {
    return new Ranker(config, clock);
  }

  /**
   * The engine saved in {@link RankerConfig#modelPath()}, or a new one when that directory holds no
   * model file yet.
   *
   * @throws RankingException when the file exists but cannot be read, is damaged (a count or index
   *     out of bounds, truncated, a CRC mismatch) or has another format
   */
  public static Ranker open(RankerConfig config, Clock clock) {
    Ranker ranker = new Ranker(config, clock);
    if (config.modelPath() != null) {
      Path file = config.modelPath().resolve(MODEL_FILE);
      if (Files.exists(file)) {
        ModelFile.read(file, ranker);
      }
    }
    return ranker;
  }

  public RankerConfig config() {
    return config;
  }

  /** Ranks the values of {@code key} for {@code context} at the clock's current time. */
  public List<RankedValue> rank(String key, Map<String, String> context, int limit) {
    return rank(key, context, limit, clock.instant());
  }

  /**
   * The {@code limit} values of {@code key} most likely to be chosen in {@code context} at {@code
   * now}, best first, each with its calibrated confidence and explanation; empty when the key has
   * never been learned.
   */
  public List<RankedValue> rank(String key, Map<String, String> context, int limit, Instant now) {
    checkKey(key);
    checkContext(context);
    if (limit < 0) {
      throw new RankingException("limit must not be negative, got " + limit + " for key " + key);
    }
    KeyState state = keys.get(key);
    if (state == null || limit == 0) {
      return List.of();
    }
    return ranking.rank(state, context, limit, now);
  }

  /**
   * Learns one event: {@code value} was chosen for {@code key} in {@code context} at {@code at}
   * ({@code chosen} true, for an accepted suggestion too), or was suggested and turned down ({@code
   * chosen} false). The model first scores the event as it would have ranked it, then updates its
   * weights, the calibration and the counts.
   */
  public void learn(
      String key, Map<String, String> context, String value, boolean chosen, Instant at) {
    checkKey(key);
    checkContext(context);
    if (value == null) {
      throw new RankingException("value must not be null for key " + key);
    }
    if (at == null) {
      throw new RankingException("event time must not be null for key " + key);
    }
    KeyState state = keys.computeIfAbsent(key, this::newKey);
    learner.learn(state, context, value, chosen, seconds(at));
  }

  /**
   * The cheap fallback: the value used most often in exactly this context, else the value of the
   * key used most often overall; empty when the key is unknown.
   */
  public Optional<String> mostUsed(String key, Map<String, String> context) {
    checkKey(key);
    checkContext(context);
    KeyState state = keys.get(key);
    if (state == null) {
      return Optional.empty();
    }
    Lock lock = state.lock.readLock();
    lock.lock();
    try {
      KeyStatistics stats = state.stats;
      ContextCounts exact = stats.exactContextCounts(context, false);
      int best = -1;
      long bestCount = 0;
      if (exact != null) {
        for (int i = 0; i < exact.size; i++) {
          int s = exact.slots[i];
          if (exact.generations[i] == stats.generation[s] && exact.counts[i] > bestCount) {
            best = s;
            bestCount = exact.counts[i];
          }
        }
      }
      if (best < 0) {
        best = stats.mostUsedSlot;
      }
      return best < 0 ? Optional.empty() : Optional.of(stats.values[best]);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Retrains on up to {@code batchSize} of the most recent learned events (at most {@link
   * RankerConfig#batchSize()} are kept), one more pass of the online optimiser over the features
   * those events had when they happened; returns the number of events replayed.
   */
  public int retrain(int batchSize) {
    if (batchSize < 1) {
      throw new RankingException("batchSize must be at least 1, got " + batchSize);
    }
    return retrainer.retrain(batchSize);
  }

  /**
   * Retrains with {@link RankerConfig#batchSize()} when {@link RankerConfig#updatePeriod()} has
   * passed on the clock since the last retrain; returns whether it did.
   */
  public boolean retrainIfDue() {
    return retrainer.retrainIfDue();
  }

  /**
   * Writes the whole engine (counts, weights, calibration) to {@link RankerConfig#modelPath()},
   * replacing the previous file atomically.
   */
  public void save() {
    if (config.modelPath() == null) {
      throw new RankingException("cannot save the ranker: no modelPath configured");
    }
    try {
      Files.createDirectories(config.modelPath());
    } catch (IOException e) {
      throw new RankingException("cannot create model directory " + config.modelPath(), e);
    }
    ModelFile.write(config.modelPath().resolve(MODEL_FILE), this);
  }

  /** Whether {@code value} is currently a candidate of {@code key}. */
  boolean knows(String key, String value) {
    KeyState state = keys.get(key);
    if (state == null) {
      return false;
    }
    Lock lock = state.lock.readLock();
    lock.lock();
    try {
      return state.stats.slotOf.containsKey(value);
    } finally {
      lock.unlock();
    }
  }

  /** The time of a request or event as decimal epoch seconds. */
  static double seconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  /** The state of a key learned for the first time. */
  private KeyState newKey(String key) {
    return new KeyState(
        new KeyStatistics(
            key, lambda, config.maxCandidatesPerKey(), config.maxContextValuesPerKey()),
        new KeyModel());
  }

  private static void checkKey(String key) {
    if (key == null || key.isBlank()) {
      throw new RankingException("key must not be blank, got '" + key + "'");
    }
  }

  private static void checkContext(Map<String, String> context) {
    if (context == null) {
      throw new RankingException("context must not be null (use an empty map)");
    }
    for (Map.Entry<String, String> e : context.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new RankingException("context fields and values must not be null, got " + context);
      }
    }
  }
}
