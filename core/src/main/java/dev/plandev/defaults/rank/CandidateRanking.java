package dev.plandev.defaults.rank;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * The ranking of the candidate values of one key for a request: their features for the request's
 * context and time, the model's probabilities, and the best ones turned into {@link RankedValue}s
 * with calibrated confidence and an explanation.
 *
 * <p>A ranking runs under the key's read lock, so rankings of a key run in parallel. It leaves its
 * features and probabilities in {@link KeyState#prepared}: the feedback that usually follows a
 * prediction learns the same event and reuses them instead of computing them again.
 */
final class CandidateRanking {
  private final RankingModel model;
  private final Calibrator calibrator;
  private final double confidenceThreshold;
  private final int explainedFeatures;

  CandidateRanking(RankingModel model, Calibrator calibrator, RankerConfig config) {
    this.model = model;
    this.calibrator = calibrator;
    this.confidenceThreshold = config.confidenceThreshold();
    this.explainedFeatures = config.explainedFeatures();
  }

  /**
   * The {@code limit} (at least 1) most likely values of the key for {@code context} at {@code
   * now}, best first; empty when the key has no candidate.
   */
  List<RankedValue> rank(KeyState state, Map<String, String> context, int limit, Instant now) {
    Lock lock = state.lock.readLock();
    lock.lock();
    try {
      if (state.stats.size == 0) {
        return List.of();
      }
      KeyState.Prepared prepared = prepare(state, context, Ranker.seconds(now));
      state.prepared = prepared;
      return rankedValues(state, prepared, limit);
    } finally {
      lock.unlock();
    }
  }

  /** The features and probabilities of every candidate, from the current weights. */
  private KeyState.Prepared prepare(KeyState state, Map<String, String> context, double seconds) {
    FeatureTable table = FeatureExtraction.build(state.stats, context, seconds);
    double[] global = model.globalWeights();
    double[] p = RankingModel.probabilities(table, global, state.model);
    return new KeyState.Prepared(
        Map.copyOf(context), seconds, state.stats.version, table, global, state.model.version, p);
  }

  /** The best {@code limit} candidates with their confidence and explanation. */
  private List<RankedValue> rankedValues(KeyState state, KeyState.Prepared prepared, int limit) {
    FeatureTable table = prepared.table();
    double[] p = prepared.probabilities();
    int[] top = RankingModel.top(p, Math.min(limit, table.n));
    Explanation explanation =
        new Explanation(
            table, prepared.globalWeights(), state.model, state.stats, top, prepared.context());
    List<RankedValue> ranked = new ArrayList<>(top.length);
    for (int r = 0; r < top.length; r++) {
      int row = top[r];
      double confidence = calibrator.calibrate(p[row], state.stats.events);
      double[] contributions = explanation.contributions(row, r);
      ranked.add(
          new RankedValue(
              state.stats.values[table.slots[row]],
              confidence,
              confidence >= confidenceThreshold,
              explanation.reason(row, r, contributions),
              explanation.top(contributions, explainedFeatures)));
    }
    return ranked;
  }
}
