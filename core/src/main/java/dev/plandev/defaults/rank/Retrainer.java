package dev.plandev.defaults.rank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Periodic retraining: the most recent learned events, kept as {@link TrainingExample}s, and
 * further passes of the online optimiser over them, on demand or once per update period.
 *
 * <p>Online learning sees each event once, with the weights of that moment; a retrain gives the
 * recent events another pass with the current weights. It replays the features each event had when
 * it happened, so it never learns from features that already count the event itself. The buffer is
 * not saved with the model: it refills from new events.
 */
final class Retrainer {
  private final RankingModel model;
  private final Clock clock;
  private final int capacity;
  private final Duration updatePeriod;
  private final Deque<TrainingExample> recent = new ArrayDeque<>();
  private volatile Instant lastRetrain;

  Retrainer(RankingModel model, RankerConfig config, Clock clock) {
    this.model = model;
    this.clock = clock;
    this.capacity = config.batchSize();
    this.updatePeriod = config.updatePeriod();
    this.lastRetrain = clock.instant();
  }

  /** Keeps {@code example}, dropping the oldest beyond {@link RankerConfig#batchSize()}. */
  void keep(TrainingExample example) {
    synchronized (recent) {
      recent.addLast(example);
      while (recent.size() > capacity) {
        recent.removeFirst();
      }
    }
  }

  /** Replays up to {@code batchSize} (at least 1) of the most recent examples; returns how many. */
  int retrain(int batchSize) {
    List<TrainingExample> batch;
    synchronized (recent) {
      batch = new ArrayList<>(recent);
    }
    batch = batch.subList(Math.max(0, batch.size() - batchSize), batch.size());
    for (TrainingExample e : batch) {
      Lock lock = e.key().lock.writeLock();
      lock.lock();
      try {
        double[] p = RankingModel.probabilities(e.table(), model.globalWeights(), e.key().model);
        model.learn(e.table(), e.key().model, p, e.target(), e.chosen());
      } finally {
        lock.unlock();
      }
    }
    lastRetrain = clock.instant();
    return batch.size();
  }

  /** Retrains with a full buffer when the update period has passed on the clock since the last. */
  boolean retrainIfDue() {
    Instant now = clock.instant();
    if (now.isBefore(lastRetrain.plus(updatePeriod))) {
      return false;
    }
    retrain(capacity);
    return true;
  }
}
