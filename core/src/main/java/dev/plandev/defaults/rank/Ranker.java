package dev.plandev.defaults.rank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
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
  private static final int KEPT_ROWS = 32;
  private static final int CALIBRATED_ROWS = 3;

  private final RankerConfig config;
  private final Clock clock;
  private final double lambda;
  final RankingModel model;
  final Calibrator calibrator = new Calibrator();
  final Map<String, KeyState> keys = new ConcurrentHashMap<>();
  private final Deque<TrainingExample> recent = new ArrayDeque<>();
  private volatile Instant lastRetrain;

  private Ranker(RankerConfig config, Clock clock) {
    if (config == null || clock == null) {
      throw new RankingException("config and clock are required, got " + config + ", " + clock);
    }
    this.config = config;
    this.clock = clock;
    this.lambda = Math.log(2) / (config.halfLife().toMillis() / 1000.0);
    this.model = new RankingModel(config.learningRate(), config.regularization());
    this.lastRetrain = clock.instant();
  }

  /** A new engine that knows nothing yet. */
  public static Ranker create(RankerConfig config, Clock clock) {
    return new Ranker(config, clock);
  }

  /**
   * The engine saved in {@link RankerConfig#modelPath()}, or a new one when that directory holds no
   * model file yet.
   *
   * @throws RankingException when the file exists but cannot be read or has another format
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
    Lock lock = state.lock.readLock();
    lock.lock();
    try {
      if (state.stats.size == 0) {
        return List.of();
      }
      double seconds = seconds(now);
      FeatureTable table = FeatureTable.build(state.stats, context, seconds);
      double[] global = model.globalWeights();
      double[] p = RankingModel.softmax(RankingModel.scores(table, global, state.model));
      state.prepared =
          new KeyState.Prepared(
              Map.copyOf(context),
              seconds,
              state.stats.version,
              table,
              global,
              state.model.version,
              p);
      int[] top = top(p, Math.min(limit, table.n));
      Explanation explanation = new Explanation(table, global, state.model, state.stats, top);
      List<RankedValue> ranked = new ArrayList<>(top.length);
      for (int r = 0; r < top.length; r++) {
        int row = top[r];
        double confidence = calibrator.calibrate(p[row]);
        double[] contributions = explanation.contributions(row, r);
        ranked.add(
            new RankedValue(
                state.stats.values[table.slots[row]],
                confidence,
                confidence >= config.confidenceThreshold(),
                explanation.reason(row, r, contributions),
                explanation.top(contributions, config.explainedFeatures())));
      }
      return ranked;
    } finally {
      lock.unlock();
    }
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
    KeyState state =
        keys.computeIfAbsent(
            key,
            k ->
                new KeyState(
                    new KeyStatistics(
                        k, lambda, config.maxCandidatesPerKey(), config.maxContextValuesPerKey()),
                    new KeyModel()));
    double seconds = seconds(at);
    TrainingExample example = null;
    Lock lock = state.lock.writeLock();
    lock.lock();
    try {
      KeyStatistics stats = state.stats;
      if (stats.size > 0) {
        KeyState.Prepared prepared = state.prepared;
        boolean current = prepared != null && prepared.matches(context, seconds, stats.version);
        FeatureTable table =
            current ? prepared.table() : FeatureTable.build(stats, context, seconds);
        double[] global = model.globalWeights();
        double[] p =
            current && prepared.sameWeights(global, state.model.version)
                ? prepared.probabilities()
                : RankingModel.softmax(RankingModel.scores(table, global, state.model));
        state.prepared = null;
        Integer slot = stats.slotOf.get(value);
        int target = slot == null ? -1 : slot;
        int[] best = top(p, Math.min(KEPT_ROWS, table.n));
        for (int i = 0; i < Math.min(CALIBRATED_ROWS, best.length); i++) {
          calibrator.observe(p[best[i]], chosen && best[i] == target);
        }
        if (target >= 0) {
          if (!chosen && !contains(best, target, CALIBRATED_ROWS)) {
            calibrator.observe(p[target], false);
          }
          model.learn(table, state.model, p, target, chosen);
          example = keep(state, table, best, target, chosen);
        }
      }
      if (chosen) {
        stats.recordUse(value, context, seconds);
      } else {
        stats.recordRejection(value);
      }
    } finally {
      lock.unlock();
    }
    if (example != null) {
      synchronized (recent) {
        recent.addLast(example);
        while (recent.size() > config.batchSize()) {
          recent.removeFirst();
        }
      }
    }
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
    List<TrainingExample> batch;
    synchronized (recent) {
      batch = new ArrayList<>(recent);
    }
    batch = batch.subList(Math.max(0, batch.size() - batchSize), batch.size());
    for (TrainingExample e : batch) {
      Lock lock = e.key().lock.writeLock();
      lock.lock();
      try {
        double[] p =
            RankingModel.softmax(
                RankingModel.scores(e.table(), model.globalWeights(), e.key().model));
        model.learn(e.table(), e.key().model, p, e.target(), e.chosen());
      } finally {
        lock.unlock();
      }
    }
    lastRetrain = clock.instant();
    return batch.size();
  }

  /**
   * Retrains with {@link RankerConfig#batchSize()} when {@link RankerConfig#updatePeriod()} has
   * passed on the clock since the last retrain; returns whether it did.
   */
  public boolean retrainIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(lastRetrain.plus(config.updatePeriod()))) {
      return false;
    }
    retrain(config.batchSize());
    return true;
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

  /** Indices of the {@code k} largest probabilities, largest first. */
  static int[] top(double[] p, int k) {
    int[] best = new int[k];
    int filled = 0;
    for (int i = 0; i < p.length; i++) {
      if (filled < k) {
        best[filled++] = i;
      } else if (p[i] > p[best[k - 1]]) {
        best[k - 1] = i;
      } else {
        continue;
      }
      for (int j = filled - 1; j > 0 && p[best[j]] > p[best[j - 1]]; j--) {
        int tmp = best[j];
        best[j] = best[j - 1];
        best[j - 1] = tmp;
      }
    }
    return best;
  }

  private static boolean contains(int[] rows, int row, int limit) {
    for (int i = 0; i < Math.min(limit, rows.length); i++) {
      if (rows[i] == row) {
        return true;
      }
    }
    return false;
  }

  private static TrainingExample keep(
      KeyState state, FeatureTable table, int[] best, int target, boolean chosen) {
    int[] rows = contains(best, target, best.length) ? best.clone() : append(best, target);
    int position = 0;
    while (rows[position] != target) {
      position++;
    }
    return new TrainingExample(state, table.subset(rows), position, chosen);
  }

  private static int[] append(int[] rows, int row) {
    int[] out = java.util.Arrays.copyOf(rows, rows.length + 1);
    out[rows.length] = row;
    return out;
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

  /** Per-candidate contributions (weight times feature) and the reason derived from them. */
  private static final class Explanation {
    private final FeatureTable table;
    private final double[] weights;
    private final KeyModel key;
    private final KeyStatistics stats;
    private final int[][] entries;

    Explanation(
        FeatureTable table, double[] global, KeyModel key, KeyStatistics stats, int[] rows) {
      this.table = table;
      this.weights = new double[FeatureTable.G];
      for (int j = 0; j < FeatureTable.G; j++) {
        weights[j] = global[j] + key.delta[j];
      }
      this.key = key;
      this.stats = stats;
      int[] position = new int[table.n];
      java.util.Arrays.fill(position, -1);
      for (int r = 0; r < rows.length; r++) {
        position[rows[r]] = r;
      }
      this.entries = new int[table.rows.length][rows.length];
      for (int i = 0; i < table.rows.length; i++) {
        java.util.Arrays.fill(entries[i], -1);
        int[] fieldRows = table.rows[i];
        for (int e = 0; e < fieldRows.length; e++) {
          int r = position[fieldRows[e]];
          if (r >= 0) {
            entries[i][r] = e;
          }
        }
      }
    }

    /**
     * Contributions of the candidate at position {@code r} of the returned rows: the global
     * features first, then each request field's features.
     */
    double[] contributions(int row, int r) {
      int g = FeatureTable.G;
      int f = FeatureTable.F;
      double[] out = new double[g + table.rows.length * f];
      for (int j = 0; j < g; j++) {
        out[j] = weights[j] * table.global[row * g + j];
      }
      for (int i = 0; i < table.rows.length; i++) {
        int e = entries[i][r];
        int base = table.fieldNumbers[i] * f;
        if (e < 0 || base >= key.field.length) {
          continue;
        }
        for (int k = 0; k < f; k++) {
          out[g + i * f + k] = key.field[base + k] * table.value(i, e, k);
        }
      }
      return out;
    }

    Map<String, Double> top(double[] contributions, int limit) {
      Map<String, Double> out = new LinkedHashMap<>();
      boolean[] used = new boolean[contributions.length];
      for (int n = 0; n < limit; n++) {
        int best = -1;
        for (int j = 0; j < contributions.length; j++) {
          if (!used[j]
              && contributions[j] != 0
              && (best < 0 || Math.abs(contributions[j]) > Math.abs(contributions[best]))) {
            best = j;
          }
        }
        if (best < 0) {
          break;
        }
        used[best] = true;
        out.put(name(best), Math.round(contributions[best] * 1e4) / 1e4);
      }
      return out;
    }

    String reason(int row, int r, double[] contributions) {
      int best = -1;
      for (int j = 0; j < contributions.length; j++) {
        if (contributions[j] > 0 && (best < 0 || contributions[j] > contributions[best])) {
          best = j;
        }
      }
      long uses = stats.counts[table.slots[row]];
      String main = best < 0 ? "ranked by learned weights" : phrase(best, row, r);
      return main + "; used " + uses + (uses == 1 ? " time" : " times");
    }

    private String name(int j) {
      if (j < FeatureTable.G) {
        return FeatureTable.GLOBAL[j];
      }
      int i = (j - FeatureTable.G) / FeatureTable.F;
      int k = (j - FeatureTable.G) % FeatureTable.F;
      return table.fieldNames[i] + "." + FeatureTable.PER_FIELD[k];
    }

    private String phrase(int j, int row, int r) {
      if (j >= FeatureTable.G) {
        int i = (j - FeatureTable.G) / FeatureTable.F;
        int k = (j - FeatureTable.G) % FeatureTable.F;
        String where = table.fieldNames[i] + "=" + table.fieldValues[i];
        if (k == 1) {
          double recency = table.value(i, entries[i][r], 1);
          return (recency == 1 ? "last value where " : "used lately where ") + where;
        }
        double share = table.value(i, entries[i][r], 0);
        return percent(share) + " of recent uses where " + where;
      }
      return switch (j) {
        case FeatureTable.EXACT_RECENCY -> "used lately in this exact context";
        case FeatureTable.EXACT_CONTEXT ->
            percent(table.global[row * FeatureTable.G + FeatureTable.EXACT_CONTEXT])
                + " of recent uses in this exact context";
        case FeatureTable.FIELD_RECENCY -> "used lately with these context fields";
        case FeatureTable.FIELD_VOTES,
            FeatureTable.FIELD_MAX,
            FeatureTable.FIELD_LIFT,
            FeatureTable.CONTEXT_SIMILARITY ->
            "often used with these context fields";
        case FeatureTable.VALUE_IN_CONTEXT -> "named in the context";
        case FeatureTable.TEMPORAL_RELEVANCE, FeatureTable.RECENCY_RANK -> "used recently";
        default -> "often used for this key";
      };
    }

    private static String percent(double share) {
      return Math.round(share * 100) + "%";
    }
  }
}
