package dev.plandev.defaults.rank;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * Learning from one event at a time: a value of a key was chosen (or suggested and turned down) in
 * a context at a time.
 *
 * <p>The order matters. The event is first scored as the engine would have ranked it just before it
 * happened (reusing the features and probabilities of the ranking that preceded it when nothing has
 * changed since); those probabilities feed the calibration of its best rows and one online step of
 * the model; the strongest rows are kept for retraining; only then do the counts of the key take
 * the event in. Scoring after counting would let the features see the answer.
 *
 * <p>Learning takes the write lock of its key only, so keys learn independently.
 */
final class OnlineLearner {
  /** Rows of an event kept for retraining: the strongest candidates, plus the target if not. */
  private static final int KEPT_ROWS = 32;

  /** Rows of an event whose probabilities feed the calibration: those a user would see. */
  private static final int CALIBRATED_ROWS = 3;

  private final RankingModel model;
  private final Calibrator calibrator;
  private final Retrainer retrainer;

  OnlineLearner(RankingModel model, Calibrator calibrator, Retrainer retrainer) {
    this.model = model;
    this.calibrator = calibrator;
    this.retrainer = retrainer;
  }

  /** Learns that {@code value} was chosen ({@code chosen}) or turned down in the key's state. */
  void learn(
      KeyState state, Map<String, String> context, String value, boolean chosen, double seconds) {
    TrainingExample example = null;
    Lock lock = state.lock.writeLock();
    lock.lock();
    try {
      if (state.stats.size > 0) {
        example = learnWeights(state, context, value, chosen, seconds);
      }
      learnCounts(state.stats, context, value, chosen, seconds);
    } finally {
      lock.unlock();
    }
    if (example != null) {
      retrainer.keep(example);
    }
  }

  /**
   * Scores the event as it would have been ranked, feeds the calibration and takes one step of the
   * model; returns the example to keep for retraining, or null when the value is not a candidate.
   */
  private TrainingExample learnWeights(
      KeyState state, Map<String, String> context, String value, boolean chosen, double seconds) {
    Scores scores = scoresBeforeEvent(state, context, seconds);
    state.prepared = null;
    Integer slot = state.stats.slotOf.get(value);
    int target = slot == null ? -1 : slot;
    double[] p = scores.probabilities();
    int[] best = RankingModel.top(p, Math.min(KEPT_ROWS, scores.table().n));
    observeCalibration(p, state.stats.events, best, target, chosen);
    if (target < 0) {
      return null;
    }
    model.learn(scores.table(), state.model, p, target, chosen);
    return trainingExample(state, scores.table(), best, target, chosen);
  }

  /** The features and probabilities of the candidates for the event, before it is counted. */
  private Scores scoresBeforeEvent(KeyState state, Map<String, String> context, double seconds) {
    KeyState.Prepared prepared = state.prepared;
    boolean current = prepared != null && prepared.matches(context, seconds, state.stats.version);
    FeatureTable table =
        current ? prepared.table() : FeatureExtraction.build(state.stats, context, seconds);
    double[] global = model.globalWeights();
    double[] p =
        current && prepared.sameWeights(global, state.model.version)
            ? prepared.probabilities()
            : RankingModel.probabilities(table, global, state.model);
    return new Scores(table, p);
  }

  /**
   * Tells the calibration how the rows a user would have seen fared, and a rejected target ranked
   * below them too (a turned-down value is evidence wherever it stood); the key's evidence picks
   * the calibration map, as in a ranking.
   */
  private void observeCalibration(double[] p, long events, int[] best, int target, boolean chosen) {
    for (int i = 0; i < Math.min(CALIBRATED_ROWS, best.length); i++) {
      calibrator.observe(p[best[i]], events, chosen && best[i] == target);
    }
    if (target >= 0 && !chosen && !contains(best, target, CALIBRATED_ROWS)) {
      calibrator.observe(p[target], events, false);
    }
  }

  private static void learnCounts(
      KeyStatistics stats,
      Map<String, String> context,
      String value,
      boolean chosen,
      double seconds) {
    if (chosen) {
      stats.recordUse(value, context, seconds);
    } else {
      stats.recordRejection(value);
    }
  }

  /** The event restricted to its strongest rows and the target, for retraining. */
  private static TrainingExample trainingExample(
      KeyState state, FeatureTable table, int[] best, int target, boolean chosen) {
    int[] rows = contains(best, target, best.length) ? best.clone() : append(best, target);
    int position = 0;
    while (rows[position] != target) {
      position++;
    }
    return new TrainingExample(state, table.subset(rows), position, chosen);
  }

  private static boolean contains(int[] rows, int row, int limit) {
    for (int i = 0; i < Math.min(limit, rows.length); i++) {
      if (rows[i] == row) {
        return true;
      }
    }
    return false;
  }

  private static int[] append(int[] rows, int row) {
    int[] out = Arrays.copyOf(rows, rows.length + 1);
    out[rows.length] = row;
    return out;
  }

  /** The features of the candidates and the probabilities the model gives them. */
  private record Scores(FeatureTable table, double[] probabilities) {}
}
