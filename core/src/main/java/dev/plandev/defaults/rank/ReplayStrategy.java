package dev.plandev.defaults.rank;

import java.util.List;

/** Something the replay protocol can evaluate: the engine or a simple baseline rule. */
interface ReplayStrategy {
  /** Ranked values for the event's key and context, using only the events learned so far. */
  List<RankedValue> rank(ReplayEvent event, int limit);

  /** Learns the event as chosen. */
  void learn(ReplayEvent event);

  /** Whether the event's value is among the candidates of its key at all. */
  boolean covers(ReplayEvent event);

  static ReplayStrategy of(Ranker ranker) {
    return new ReplayStrategy() {
      @Override
      public List<RankedValue> rank(ReplayEvent event, int limit) {
        return ranker.rank(event.key(), event.context(), limit, event.ts());
      }

      @Override
      public void learn(ReplayEvent event) {
        ranker.learn(event.key(), event.context(), event.value(), true, event.ts());
      }

      @Override
      public boolean covers(ReplayEvent event) {
        return ranker.knows(event.key(), event.value());
      }
    };
  }
}
