package dev.plandev.defaults.rank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The features of every candidate value of a key for one request context and time: a dense block of
 * {@link #GLOBAL} features per candidate, shared in meaning across keys, and sparse per-field
 * blocks of {@link #PER_FIELD} features for the candidates seen with the request's value of that
 * field. Built from {@link KeyStatistics} in one pass over the candidates and the touched context
 * counts; never rescans history.
 */
final class FeatureTable {
  static final String[] GLOBAL = {
    "usage_count",
    "success_rate",
    "temporal_relevance",
    "decayed_frequency",
    "recency_rank",
    "context_similarity",
    "field_votes",
    "field_max",
    "field_last",
    "field_lift",
    "exact_context",
    "exact_last",
    "value_in_context",
  };
  static final String[] PER_FIELD = {"share", "last", "count", "lift"};
  static final int G = GLOBAL.length;
  static final int F = PER_FIELD.length;

  static final int USAGE_COUNT = 0;
  static final int SUCCESS_RATE = 1;
  static final int TEMPORAL_RELEVANCE = 2;
  static final int DECAYED_FREQUENCY = 3;
  static final int RECENCY_RANK = 4;
  static final int CONTEXT_SIMILARITY = 5;
  static final int FIELD_VOTES = 6;
  static final int FIELD_MAX = 7;
  static final int FIELD_LAST = 8;
  static final int FIELD_LIFT = 9;
  static final int EXACT_CONTEXT = 10;
  static final int EXACT_LAST = 11;
  static final int VALUE_IN_CONTEXT = 12;

  /** Candidates, indexed like the slots of the key (or a chosen subset of them). */
  final int n;

  final int[] slots;
  final double[] global;

  /** Per request field: its field number in the key, its context value, and its sparse block. */
  final int[] fieldNumbers;

  final String[] fieldNames;
  final String[] fieldValues;
  final int[][] rows;
  final double[][] values;

  private FeatureTable(
      int n,
      int[] slots,
      double[] global,
      int[] fieldNumbers,
      String[] fieldNames,
      String[] fieldValues,
      int[][] rows,
      double[][] values) {
    this.n = n;
    this.slots = slots;
    this.global = global;
    this.fieldNumbers = fieldNumbers;
    this.fieldNames = fieldNames;
    this.fieldValues = fieldValues;
    this.rows = rows;
    this.values = values;
  }

  static FeatureTable build(KeyStatistics stats, Map<String, String> context, double now) {
    int n = stats.size;
    double[] x = new double[n * G];
    double[] share = new double[n];
    double[] sumShare = new double[n];
    double[] maxShare = new double[n];
    double[] lastHits = new double[n];
    double[] lift = new double[n];
    double[] similarity = new double[n];
    double[] inverseShare = new double[n];
    double events = Math.max(1e-300, stats.weightedEvents);
    for (int s = 0; s < n; s++) {
      share[s] = stats.weighted[s] / events;
      inverseShare[s] = 1 / Math.max(share[s], 1e-12);
    }

    List<Integer> numbers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> fieldValues = new ArrayList<>();
    List<int[]> rows = new ArrayList<>();
    List<double[]> blocks = new ArrayList<>();
    int fieldsPresent = 0;
    for (Map.Entry<String, String> field : context.entrySet()) {
      fieldsPresent++;
      Integer number = stats.fieldNumbers.get(field.getKey());
      ContextCounts c =
          number == null ? null : stats.contextCounts(number, field.getValue(), false);
      if (c == null || c.weightedTotal <= 0) {
        continue;
      }
      int[] row = new int[c.size];
      double[] block = new double[c.size * F];
      int m = 0;
      double inverseTotal = 1 / c.weightedTotal;
      int[] generation = stats.generation;
      for (int i = 0; i < c.size; i++) {
        int s = c.slots[i];
        if (c.generations[i] != generation[s] || c.counts[i] == 0) {
          continue;
        }
        double fieldShare = c.weighted[i] * inverseTotal;
        double last = c.isLast(s, generation[s]) ? 1 : 0;
        double fieldLift = Math.log(1 + fieldShare * inverseShare[s]);
        row[m] = s;
        int o = m * F;
        block[o] = fieldShare;
        block[o + 1] = last;
        block[o + 2] = c.logCounts[i];
        block[o + 3] = fieldLift;
        m++;
        sumShare[s] += fieldShare;
        maxShare[s] = Math.max(maxShare[s], fieldShare);
        lastHits[s] += last;
        lift[s] += fieldLift;
        similarity[s] += (double) c.counts[i] / Math.max(1, stats.counts[s]);
      }
      numbers.add(number);
      names.add(field.getKey());
      fieldValues.add(field.getValue());
      rows.add(m == row.length ? row : java.util.Arrays.copyOf(row, m));
      blocks.add(m == row.length ? block : java.util.Arrays.copyOf(block, m * F));
    }

    ContextCounts exact = stats.exactContextCounts(context, false);
    if (exact != null && exact.weightedTotal > 0) {
      for (int i = 0; i < exact.size; i++) {
        int s = exact.slots[i];
        if (exact.generations[i] != stats.generation[s] || exact.counts[i] == 0) {
          continue;
        }
        x[s * G + EXACT_CONTEXT] = exact.weighted[i] / exact.weightedTotal;
        x[s * G + EXACT_LAST] = exact.isLast(s, stats.generation[s]) ? 1 : 0;
      }
    }

    for (String token : contextTokens(context)) {
      Integer s = stats.slotOf.get(token);
      if (s != null) {
        x[s * G + VALUE_IN_CONTEXT] = 1;
      }
    }
    int[] recency = stats.recencyRanks();
    for (int s = 0; s < n; s++) {
      int o = s * G;
      x[o + USAGE_COUNT] = Math.log(1 + stats.counts[s]);
      x[o + SUCCESS_RATE] = (stats.counts[s] + 1.0) / (stats.counts[s] + stats.rejections[s] + 2.0);
      x[o + TEMPORAL_RELEVANCE] = Math.exp(-stats.lambda * Math.max(0, now - stats.lastSeconds[s]));
      x[o + DECAYED_FREQUENCY] = Math.log(share[s] + 1e-4);
      x[o + RECENCY_RANK] = 1.0 / (1 + recency[s]);
      x[o + CONTEXT_SIMILARITY] = fieldsPresent == 0 ? 0 : similarity[s] / fieldsPresent;
      x[o + FIELD_VOTES] = sumShare[s];
      x[o + FIELD_MAX] = maxShare[s];
      x[o + FIELD_LAST] = lastHits[s];
      x[o + FIELD_LIFT] = lift[s];
    }
    int[] slots = new int[n];
    for (int s = 0; s < n; s++) {
      slots[s] = s;
    }
    return new FeatureTable(
        n,
        slots,
        x,
        numbers.stream().mapToInt(Integer::intValue).toArray(),
        names.toArray(new String[0]),
        fieldValues.toArray(new String[0]),
        rows.toArray(new int[0][]),
        blocks.toArray(new double[0][]));
  }

  /**
   * The words of the context values, as whole values and split on separators, as written and
   * lower-cased (a value named in the context is one of them).
   */
  static Set<String> contextTokens(Map<String, String> context) {
    Set<String> tokens = new HashSet<>();
    for (String v : context.values()) {
      for (String text : new String[] {v, v.toLowerCase(Locale.ROOT)}) {
        tokens.add(text);
        addParts(text, "/\\.: \t", tokens);
        addParts(text, "/\\.: \t-_", tokens);
      }
    }
    tokens.remove("");
    return tokens;
  }

  private static void addParts(String text, String separators, Set<String> tokens) {
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || separators.indexOf(text.charAt(i)) >= 0) {
        if (i > start) {
          tokens.add(text.substring(start, i));
        }
        start = i + 1;
      }
    }
  }

  /**
   * The same features restricted to the rows {@code keep} (indices into this table), for the
   * training examples kept for retraining.
   */
  FeatureTable subset(int[] keep) {
    int m = keep.length;
    int[] position = new int[n];
    java.util.Arrays.fill(position, -1);
    int[] newSlots = new int[m];
    double[] x = new double[m * G];
    for (int i = 0; i < m; i++) {
      position[keep[i]] = i;
      newSlots[i] = slots[keep[i]];
      System.arraycopy(global, keep[i] * G, x, i * G, G);
    }
    int[][] newRows = new int[rows.length][];
    double[][] newValues = new double[rows.length][];
    for (int f = 0; f < rows.length; f++) {
      int[] row = new int[rows[f].length];
      double[] block = new double[rows[f].length * F];
      int k = 0;
      for (int e = 0; e < rows[f].length; e++) {
        int p = position[rows[f][e]];
        if (p >= 0) {
          row[k] = p;
          System.arraycopy(values[f], e * F, block, k * F, F);
          k++;
        }
      }
      newRows[f] = java.util.Arrays.copyOf(row, k);
      newValues[f] = java.util.Arrays.copyOf(block, k * F);
    }
    return new FeatureTable(
        m, newSlots, x, fieldNumbers, fieldNames, fieldValues, newRows, newValues);
  }
}
