package dev.plandev.defaults.rank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * A simple fixed rule the engine must beat on every replay, evaluated by {@link
 * ReplayEvaluator#evaluate(List, Baseline)} under the same protocol. Baselines give no confidence
 * ({@code NaN}).
 */
public enum Baseline {
  /** The values used most often in exactly this context, then the most used of the key. */
  MOST_USED_IN_CONTEXT,
  /** The values of the key by last use, most recent first. */
  MOST_RECENT,
  /**
   * Each context field votes for the values used with its value, in proportion to their decayed
   * counts (half-life 30 days of event time); ties go to the key's most used value lately.
   */
  FIELD_VOTES_WITH_DECAY;

  private static final double HALF_LIFE_SECONDS = 30 * 86_400.0;

  ReplayStrategy newStrategy() {
    return switch (this) {
      case MOST_USED_IN_CONTEXT -> new MostUsedInContext();
      case MOST_RECENT -> new MostRecent();
      case FIELD_VOTES_WITH_DECAY -> new FieldVotes();
    };
  }

  private static List<RankedValue> top(Map<String, Double> scores, int limit) {
    List<Map.Entry<String, Double>> entries = new ArrayList<>(scores.entrySet());
    entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    List<RankedValue> out = new ArrayList<>(limit);
    for (int i = 0; i < Math.min(limit, entries.size()); i++) {
      out.add(new RankedValue(entries.get(i).getKey(), Double.NaN, false, "baseline", Map.of()));
    }
    return out;
  }

  private static final class MostUsedInContext implements ReplayStrategy {
    private final Map<String, Map<String, Integer>> byContext = new HashMap<>();
    private final Map<String, Map<String, Integer>> byKey = new HashMap<>();

    @Override
    public List<RankedValue> rank(ReplayEvent event, int limit) {
      Map<String, Double> scores = new HashMap<>();
      Map<String, Integer> total = byKey.getOrDefault(event.key(), Map.of());
      total.forEach((v, n) -> scores.put(v, (double) n));
      Map<String, Integer> exact = byContext.getOrDefault(contextKey(event), Map.of());
      exact.forEach((v, n) -> scores.merge(v, n * 1e9, Double::sum));
      return top(scores, limit);
    }

    @Override
    public void learn(ReplayEvent event) {
      byContext
          .computeIfAbsent(contextKey(event), k -> new HashMap<>())
          .merge(event.value(), 1, Integer::sum);
      byKey
          .computeIfAbsent(event.key(), k -> new HashMap<>())
          .merge(event.value(), 1, Integer::sum);
    }

    @Override
    public boolean covers(ReplayEvent event) {
      return byKey.getOrDefault(event.key(), Map.of()).containsKey(event.value());
    }

    private static String contextKey(ReplayEvent event) {
      return event.key() + '\u0002' + KeyStatistics.canonical(event.context());
    }
  }

  private static final class MostRecent implements ReplayStrategy {
    private final Map<String, LinkedList<String>> byKey = new HashMap<>();

    @Override
    public List<RankedValue> rank(ReplayEvent event, int limit) {
      List<RankedValue> out = new ArrayList<>(limit);
      for (String v : byKey.getOrDefault(event.key(), new LinkedList<>())) {
        if (out.size() == limit) {
          break;
        }
        out.add(new RankedValue(v, Double.NaN, false, "baseline", Map.of()));
      }
      return out;
    }

    @Override
    public void learn(ReplayEvent event) {
      LinkedList<String> values = byKey.computeIfAbsent(event.key(), k -> new LinkedList<>());
      values.remove(event.value());
      values.addFirst(event.value());
    }

    @Override
    public boolean covers(ReplayEvent event) {
      return byKey.getOrDefault(event.key(), new LinkedList<>()).contains(event.value());
    }
  }

  private static final class FieldVotes implements ReplayStrategy {
    private final Map<String, Map<String, Double>> byFieldValue = new HashMap<>();
    private final Map<String, Double> totals = new HashMap<>();
    private final Map<String, Map<String, Double>> byKey = new HashMap<>();
    private double origin = Double.NaN;

    @Override
    public List<RankedValue> rank(ReplayEvent event, int limit) {
      Map<String, Double> scores = new HashMap<>();
      Map<String, Double> all = byKey.getOrDefault(event.key(), Map.of());
      double sum = all.values().stream().mapToDouble(Double::doubleValue).sum();
      all.forEach((v, w) -> scores.put(v, 1e-6 * w / sum));
      for (Map.Entry<String, String> field : event.context().entrySet()) {
        String id = fieldKey(event.key(), field.getKey(), field.getValue());
        Map<String, Double> votes = byFieldValue.get(id);
        if (votes != null) {
          double total = totals.get(id);
          votes.forEach((v, w) -> scores.merge(v, w / total, Double::sum));
        }
      }
      return top(scores, limit);
    }

    @Override
    public void learn(ReplayEvent event) {
      double t = Ranker.seconds(event.ts());
      if (Double.isNaN(origin)) {
        origin = t;
      }
      double w = Math.exp(Math.log(2) * (t - origin) / HALF_LIFE_SECONDS);
      if (w > 1e200) {
        rescale(w);
        w = 1;
      }
      byKey.computeIfAbsent(event.key(), k -> new HashMap<>()).merge(event.value(), w, Double::sum);
      for (Map.Entry<String, String> field : event.context().entrySet()) {
        String id = fieldKey(event.key(), field.getKey(), field.getValue());
        byFieldValue.computeIfAbsent(id, k -> new HashMap<>()).merge(event.value(), w, Double::sum);
        totals.merge(id, w, Double::sum);
      }
    }

    @Override
    public boolean covers(ReplayEvent event) {
      return byKey.getOrDefault(event.key(), Map.of()).containsKey(event.value());
    }

    private void rescale(double w) {
      origin += Math.log(w) * HALF_LIFE_SECONDS / Math.log(2);
      byKey.values().forEach(m -> m.replaceAll((v, x) -> x / w));
      byFieldValue.values().forEach(m -> m.replaceAll((v, x) -> x / w));
      totals.replaceAll((v, x) -> x / w);
    }

    private static String fieldKey(String key, String field, String value) {
      return key + '\u0002' + field + '\u0000' + value;
    }
  }
}
