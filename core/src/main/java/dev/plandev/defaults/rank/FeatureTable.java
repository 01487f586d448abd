package dev.plandev.defaults.rank;

import java.util.Arrays;

/**
 * The features of every candidate value of a key for one request context and time: a dense block of
 * {@link #GLOBAL} features per candidate, shared in meaning across keys, and sparse per-field
 * blocks of {@link #PER_FIELD} features for the candidates seen with the request's value of that
 * field. Built by {@link FeatureExtraction}; never rescans history.
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

  FeatureTable(
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
  record Live(
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
