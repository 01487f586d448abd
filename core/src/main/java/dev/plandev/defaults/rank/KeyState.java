package dev.plandev.defaults.rank;

import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** The statistics and weights of one key, with the lock that guards both. */
final class KeyState {
  final KeyStatistics stats;
  final KeyModel model;
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /**
   * The features and probabilities of the latest ranking, reused when the same event is learned
   * right after it (the feedback of a prediction): the features while the statistics have not
   * changed, the probabilities while the weights have not changed either.
   */
  volatile Prepared prepared;

  record Prepared(
      Map<String, String> context,
      double seconds,
      long version,
      FeatureTable table,
      double[] globalWeights,
      long modelVersion,
      double[] probabilities) {
    boolean matches(Map<String, String> context, double seconds, long version) {
      return this.version == version && this.seconds == seconds && this.context.equals(context);
    }

    boolean sameWeights(double[] globalWeights, long modelVersion) {
      return this.globalWeights == globalWeights && this.modelVersion == modelVersion;
    }
  }

  KeyState(KeyStatistics stats, KeyModel model) {
    this.stats = stats;
    this.model = model;
  }
}
