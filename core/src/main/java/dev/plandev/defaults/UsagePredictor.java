package dev.plandev.defaults;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.UsageEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ranks the values of a key by how often they were taken in similar contexts; it answers {@code
 * predict} when learned ranking is turned off ({@code ml.enabled=false}).
 *
 * <p>Each past use of a value counts {@code (1 + shared context fields) / (1 + request fields)}, a
 * rejection counts against it by half, and the value the store resolves counts as one use. It reads
 * new usage events incrementally (never rescans history) and keeps the last {@value #WINDOW} per
 * key.
 */
final class UsagePredictor {
  static final int WINDOW = 10_000;
  static final String LEARNING_OFF = " (learned ranking is turned off: ml.enabled=false)";

  private final DefaultsStore store;
  private final double threshold;
  private final Map<String, Deque<UsageEvent>> events = new HashMap<>();
  private final Map<String, Long> lastSeen = new HashMap<>();

  UsagePredictor(DefaultsStore store, double threshold) {
    this.store = store;
    this.threshold = threshold;
  }

  synchronized List<Prediction> predict(String key, Context context, int limit) {
    Deque<UsageEvent> history = refresh(key);
    Map<String, Double> score = new LinkedHashMap<>();
    Map<String, Integer> uses = new HashMap<>();
    for (UsageEvent e : history) {
      double w = (1.0 + shared(e.context(), context)) / (1.0 + context.size());
      if (e.outcome() == Outcome.REJECTED) {
        if (e.suggested() != null) {
          score.merge(e.suggested(), -0.5 * w, Double::sum);
        }
      } else {
        score.merge(e.value(), w, Double::sum);
        uses.merge(e.value(), 1, Integer::sum);
      }
    }
    store
        .resolve(key, context)
        .filter(r -> !r.entry().secret())
        .ifPresent(r -> score.merge(r.entry().value(), r.entry().confidence(), Double::sum));
    double total =
        score.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).sum();
    List<Prediction> out = new ArrayList<>();
    score.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
        .limit(limit)
        .forEach(
            e -> {
              double confidence = e.getValue() / total;
              out.add(
                  new Prediction(
                      e.getKey(),
                      confidence,
                      confidence >= threshold,
                      reason(uses.getOrDefault(e.getKey(), 0)),
                      Map.of("usage_count", e.getValue())));
            });
    return out;
  }

  private Deque<UsageEvent> refresh(String key) {
    Deque<UsageEvent> history = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    long after = lastSeen.getOrDefault(key, 0L);
    while (true) {
      List<UsageEvent> batch = store.usageEvents(key, after, 1000);
      for (UsageEvent e : batch) {
        history.addLast(e);
        if (history.size() > WINDOW) {
          history.removeFirst();
        }
        after = e.id();
      }
      if (batch.size() < 1000) {
        break;
      }
    }
    lastSeen.put(key, after);
    return history;
  }

  /** Why a value is suggested: how often it was used, or that it is the stored default. */
  private static String reason(int uses) {
    if (uses == 0) {
      return "the stored default for this context" + LEARNING_OFF;
    }
    return "used "
        + uses
        + (uses == 1 ? " time" : " times")
        + ", weighted by how much of this context it shared"
        + LEARNING_OFF;
  }

  private static int shared(Context a, Context b) {
    int n = 0;
    for (Map.Entry<String, String> f : a.fields().entrySet()) {
      if (f.getValue().equals(b.fields().get(f.getKey()))) {
        n++;
      }
    }
    return n;
  }
}
