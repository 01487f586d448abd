package dev.plandev.defaults.rank;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Global features of a candidate: {@code usage_count} log(1 + uses); {@code success_rate} (uses
 * + 1) / (uses + rejections + 2); {@code temporal_relevance} decay factor since its last use;
 * {@code decayed_frequency} log of its share of the key's decayed uses; {@code recency_rank} 1 / (1
 * + its rank by last use); {@code context_similarity} mean over request fields of the fraction of
 * its uses made with that field value; {@code field_votes}, {@code field_max}, {@code
 * field_recency}, {@code field_lift} the sum or max over request fields of the per-field features;
 * {@code exact_context} its decayed share among uses in exactly this context and {@code
 * exact_recency} 1 / (1 + uses there since its last); {@code value_in_context} 1 when the value is
 * written in the context (for example scope {@code refs} for path {@code refs/files.c}).
 *
 * <p>Per-field features for request field f = v: {@code share} decayed share of the candidate among
 * uses with f = v; {@code recency} 1 / (1 + uses with f = v since the candidate's last); {@code
 * count} log(1 + uses with f = v); {@code lift} log of share / the candidate's overall share
 * (pointwise mutual information, a naive-Bayes vote).
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
    "field_recency",
    "field_lift",
    "exact_context",
    "exact_recency",
    "value_in_context",
  };
  static final String[] PER_FIELD = {"share", "recency", "count", "lift"};
  static final int G = GLOBAL.length;
  private static final double MIN_LOG_SHARE = Math.log(1e-4);
  static final int F = PER_FIELD.length;

  static final int USAGE_COUNT = 0;
  static final int SUCCESS_RATE = 1;
  static final int TEMPORAL_RELEVANCE = 2;
  static final int DECAYED_FREQUENCY = 3;
  static final int RECENCY_RANK = 4;
  static final int CONTEXT_SIMILARITY = 5;
  static final int FIELD_VOTES = 6;
  static final int FIELD_MAX = 7;
  static final int FIELD_RECENCY = 8;
  static final int FIELD_LIFT = 9;
  static final int EXACT_CONTEXT = 10;
  static final int EXACT_RECENCY = 11;
  static final int VALUE_IN_CONTEXT = 12;

  /** Candidates, indexed like the slots of the key (or a chosen subset of them). */
  final int n;

  final int[] slots;
  final double[] global;

  /**
   * Per request field: its field number in the key, its context value, and its sparse block: the
   * rows of the candidates seen with that value. The block's features are read from the live counts
   * (valid only until the key next changes, which callers guarantee by holding its lock or checking
   * its version) or, in a {@link #subset}, from copied values.
   */
  final int[] fieldNumbers;

  final String[] fieldNames;
  final String[] fieldValues;
  final int[][] rows;
  private final int[][] entries;
  private final ContextCounts[] sources;
  private final double[] inverseTotals;
  private final double[] logTotals;
  private final double[] logShare;
  private final double[][] values;

  private FeatureTable(
      int n,
      int[] slots,
      double[] global,
      int[] fieldNumbers,
      String[] fieldNames,
      String[] fieldValues,
      int[][] rows,
      Live live,
      double[][] values) {
    this.n = n;
    this.slots = slots;
    this.global = global;
    this.fieldNumbers = fieldNumbers;
    this.fieldNames = fieldNames;
    this.fieldValues = fieldValues;
    this.rows = rows;
    this.entries = live == null ? null : live.entries;
    this.sources = live == null ? null : live.sources;
    this.inverseTotals = live == null ? null : live.inverseTotals;
    this.logTotals = live == null ? null : live.logTotals;
    this.logShare = live == null ? null : live.logShare;
    this.values = values;
  }

  /** Where the per-field features of a freshly built table are read from. */
  private record Live(
      int[][] entries,
      ContextCounts[] sources,
      double[] inverseTotals,
      double[] logTotals,
      double[] logShare) {}

  /** Per-field feature {@code k} of entry {@code e} of request field {@code f}. */
  double value(int f, int e, int k) {
    if (values != null) {
      return values[f][e * F + k];
    }
    ContextCounts c = sources[f];
    int i = entries[f][e];
    return switch (k) {
      case 0 -> c.weighted[i] * inverseTotals[f];
      case 1 -> 1.0 / (1 + c.usesSince(i));
      case 2 -> c.logCounts[i];
      default -> c.logWeighted[i] - logTotals[f] - logShare[rows[f][e]];
    };
  }

  /**
   * Whether the uses behind the per-field blocks can be counted ({@link #count}, {@link #total}).
   */
  boolean hasCounts() {
    return sources != null;
  }

  /** The uses of the candidate at entry {@code e} under request field {@code f}. */
  long count(int f, int e) {
    return sources[f].counts[entries[f][e]];
  }

  /** All uses under request field {@code f}'s value. */
  long total(int f) {
    return sources[f].total;
  }

  /** The per-field score of entry {@code e} of field {@code f} with weights {@code u[base..]}. */
  double dot(int f, int e, double[] u, int base) {
    return u[base] * value(f, e, 0)
        + u[base + 1] * value(f, e, 1)
        + u[base + 2] * value(f, e, 2)
        + u[base + 3] * value(f, e, 3);
  }

  /**
   * The features of every candidate of {@code stats} for {@code context} at {@code now} (epoch
   * seconds): the per-field blocks first, since the field features of the global block are sums
   * over them, then the exact-context and value-in-context features, then each candidate's own.
   */
  static FeatureTable build(KeyStatistics stats, Map<String, String> context, double now) {
    double[] x = new double[stats.size * G];
    double[] logShare = logShares(stats);
    List<FieldBlock> blocks = new ArrayList<>(context.size());
    for (Map.Entry<String, String> field : context.entrySet()) {
      Integer number = stats.fieldNumbers.get(field.getKey());
      ContextCounts c =
          number == null ? null : stats.contextCounts(number, field.getValue(), false);
      if (c != null && c.weightedTotal > 0) {
        blocks.add(fieldBlock(stats, number, field, c, logShare, x));
      }
    }
    addExactContext(stats, context, x);
    markValuesNamedInContext(stats, context, x);
    addCandidateFeatures(stats, logShare, now, context.size(), x);
    return fromBlocks(stats.size, x, blocks, logShare);
  }

  /** Log of each candidate's share of the key's decayed uses. */
  private static double[] logShares(KeyStatistics stats) {
    double[] logShare = new double[stats.size];
    double events = Math.max(1e-300, stats.weightedEvents);
    double logEvents = Math.log(events);
    for (int s = 0; s < stats.size; s++) {
      logShare[s] = stats.logWeighted[s] - logEvents;
    }
    return logShare;
  }

  /**
   * The sparse block of one request field: the candidates seen with its value ({@code c}), whose
   * field votes, max, recency, lift and context similarity are added to their global features.
   */
  private static FieldBlock fieldBlock(
      KeyStatistics stats,
      int number,
      Map.Entry<String, String> field,
      ContextCounts c,
      double[] logShare,
      double[] x) {
    int[] row = new int[c.size];
    int[] entry = new int[c.size];
    int m = 0;
    double inverseTotal = 1 / c.weightedTotal;
    double logTotal = Math.log(c.weightedTotal);
    int[] generation = stats.generation;
    for (int i = 0; i < c.size; i++) {
      int s = c.slots[i];
      if (c.generations[i] != generation[s] || c.counts[i] == 0) {
        continue;
      }
      double fieldShare = c.weighted[i] * inverseTotal;
      double recency = 1.0 / (1 + c.usesSince(i));
      double fieldLift = c.logWeighted[i] - logTotal - logShare[s];
      row[m] = s;
      entry[m] = i;
      m++;
      int g = s * G;
      x[g + FIELD_VOTES] += fieldShare;
      x[g + FIELD_MAX] = Math.max(x[g + FIELD_MAX], fieldShare);
      x[g + FIELD_RECENCY] += recency;
      x[g + FIELD_LIFT] += fieldLift;
      x[g + CONTEXT_SIMILARITY] += (double) c.counts[i] / Math.max(1, stats.counts[s]);
    }
    return new FieldBlock(
        number,
        field.getKey(),
        field.getValue(),
        c,
        m == row.length ? row : Arrays.copyOf(row, m),
        m == entry.length ? entry : Arrays.copyOf(entry, m),
        inverseTotal,
        logTotal);
  }

  /** The share and recency of each candidate among the uses in exactly this context. */
  private static void addExactContext(
      KeyStatistics stats, Map<String, String> context, double[] x) {
    ContextCounts exact = stats.exactContextCounts(context, false);
    if (exact == null || exact.weightedTotal <= 0) {
      return;
    }
    for (int i = 0; i < exact.size; i++) {
      int s = exact.slots[i];
      if (exact.generations[i] != stats.generation[s] || exact.counts[i] == 0) {
        continue;
      }
      x[s * G + EXACT_CONTEXT] = exact.weighted[i] / exact.weightedTotal;
      x[s * G + EXACT_RECENCY] = 1.0 / (1 + exact.usesSince(i));
    }
  }

  /** Sets {@code value_in_context} of the candidates written in the context's values. */
  private static void markValuesNamedInContext(
      KeyStatistics stats, Map<String, String> context, double[] x) {
    for (String token : contextTokens(context)) {
      Integer s = stats.slotOf.get(token);
      if (s != null) {
        x[s * G + VALUE_IN_CONTEXT] = 1;
      }
    }
  }

  /**
   * The features of each candidate on its own (uses, success, recency, share), and its context
   * similarity turned from a sum over the {@code fields} request fields into their mean.
   */
  private static void addCandidateFeatures(
      KeyStatistics stats, double[] logShare, double now, int fields, double[] x) {
    int[] recency = stats.recencyRanks();
    double inverseNowWeight = 1 / stats.peekWeight(now);
    double inverseFields = fields == 0 ? 0 : 1.0 / fields;
    for (int s = 0; s < stats.size; s++) {
      int o = s * G;
      x[o + USAGE_COUNT] = Math.log(1 + stats.counts[s]);
      x[o + SUCCESS_RATE] = (stats.counts[s] + 1.0) / (stats.counts[s] + stats.rejections[s] + 2.0);
      x[o + TEMPORAL_RELEVANCE] = Math.min(1, stats.lastWeight[s] * inverseNowWeight);
      x[o + DECAYED_FREQUENCY] = Math.max(MIN_LOG_SHARE, logShare[s]);
      x[o + RECENCY_RANK] = 1.0 / (1 + recency[s]);
      x[o + CONTEXT_SIMILARITY] *= inverseFields;
    }
  }

  /** The table of all {@code n} candidates, with the field blocks laid out as parallel arrays. */
  private static FeatureTable fromBlocks(
      int n, double[] x, List<FieldBlock> blocks, double[] logShare) {
    int k = blocks.size();
    int[] numbers = new int[k];
    String[] names = new String[k];
    String[] fieldValues = new String[k];
    int[][] rows = new int[k][];
    int[][] entries = new int[k][];
    ContextCounts[] sources = new ContextCounts[k];
    double[] inverseTotals = new double[k];
    double[] logTotals = new double[k];
    for (int f = 0; f < k; f++) {
      FieldBlock block = blocks.get(f);
      numbers[f] = block.number();
      names[f] = block.name();
      fieldValues[f] = block.value();
      rows[f] = block.rows();
      entries[f] = block.entries();
      sources[f] = block.source();
      inverseTotals[f] = block.inverseTotal();
      logTotals[f] = block.logTotal();
    }
    int[] slots = new int[n];
    for (int s = 0; s < n; s++) {
      slots[s] = s;
    }
    return new FeatureTable(
        n,
        slots,
        x,
        numbers,
        names,
        fieldValues,
        rows,
        new Live(entries, sources, inverseTotals, logTotals, logShare),
        null);
  }

  /** One request field's sparse block while the table is built. */
  private record FieldBlock(
      int number,
      String name,
      String value,
      ContextCounts source,
      int[] rows,
      int[] entries,
      double inverseTotal,
      double logTotal) {}

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
    Arrays.fill(position, -1);
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
          for (int j = 0; j < F; j++) {
            block[k * F + j] = value(f, e, j);
          }
          k++;
        }
      }
      newRows[f] = Arrays.copyOf(row, k);
      newValues[f] = Arrays.copyOf(block, k * F);
    }
    return new FeatureTable(
        m, newSlots, x, fieldNumbers, fieldNames, fieldValues, newRows, null, newValues);
  }
}
