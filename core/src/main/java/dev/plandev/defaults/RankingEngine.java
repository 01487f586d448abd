package dev.plandev.defaults;

import dev.plandev.defaults.rank.RankedValue;
import dev.plandev.defaults.rank.Ranker;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link LearnedPredictor} needs of the ranking engine; {@link Ranker} in production, and a
 * deliberately slow or failing wrapper in the tests of the circuit breaker, because a real engine
 * cannot be made slow on demand.
 */
interface RankingEngine {
  List<RankedValue> rank(String key, Map<String, String> context, int limit);

  void learn(String key, Map<String, String> context, String value, boolean chosen, Instant at);

  Optional<String> mostUsed(String key, Map<String, String> context);

  boolean retrainIfDue();

  void save();

  /** The learned ranker. */
  static RankingEngine of(Ranker ranker) {
    return new RankingEngine() {
      @Override
      public List<RankedValue> rank(String key, Map<String, String> context, int limit) {
        return ranker.rank(key, context, limit);
      }

      @Override
      public void learn(
          String key, Map<String, String> context, String value, boolean chosen, Instant at) {
        ranker.learn(key, context, value, chosen, at);
      }

      @Override
      public Optional<String> mostUsed(String key, Map<String, String> context) {
        return ranker.mostUsed(key, context);
      }

      @Override
      public boolean retrainIfDue() {
        return ranker.retrainIfDue();
      }

      @Override
      public void save() {
        ranker.save();
      }
    };
  }
}
