package dev.plandev.defaults.rank;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The explanation of one ranking: per candidate, each feature's contribution to its score (weight
 * times feature value, in score units), the features that weighed most, and a short reason derived
 * from the strongest positive contribution.
 *
 * <p>Contributions are laid out as in the score of {@code RankingModel}: the global features first,
 * then {@link FeatureTable#F} features for each request field. A per-field contribution exists only
 * for candidates in that field's sparse block.
 */
final class Explanation {
  private final FeatureTable table;
  private final double[] weights;
  private final KeyModel key;
  private final KeyStatistics stats;

  /** Per request field, per ranking position: the entry of that candidate in the block, or -1. */
  private final int[][] entries;

  /** The explanation of the candidates at {@code rows} of {@code table}, in ranking order. */
  Explanation(FeatureTable table, double[] global, KeyModel key, KeyStatistics stats, int[] rows) {
    this.table = table;
    this.weights = new double[FeatureTable.G];
    for (int j = 0; j < FeatureTable.G; j++) {
      weights[j] = global[j] + key.delta[j];
    }
    this.key = key;
    this.stats = stats;
    int[] position = new int[table.n];
    Arrays.fill(position, -1);
    for (int r = 0; r < rows.length; r++) {
      position[rows[r]] = r;
    }
    this.entries = new int[table.rows.length][rows.length];
    for (int i = 0; i < table.rows.length; i++) {
      Arrays.fill(entries[i], -1);
      int[] fieldRows = table.rows[i];
      for (int e = 0; e < fieldRows.length; e++) {
        int r = position[fieldRows[e]];
        if (r >= 0) {
          entries[i][r] = e;
        }
      }
    }
  }

  /**
   * Contributions of the candidate at position {@code r} of the returned rows: the global features
   * first, then each request field's features.
   */
  double[] contributions(int row, int r) {
    int g = FeatureTable.G;
    int f = FeatureTable.F;
    double[] out = new double[g + table.rows.length * f];
    for (int j = 0; j < g; j++) {
      out[j] = weights[j] * table.global[row * g + j];
    }
    for (int i = 0; i < table.rows.length; i++) {
      int e = entries[i][r];
      int base = table.fieldNumbers[i] * f;
      if (e < 0 || base >= key.field.length) {
        continue;
      }
      for (int k = 0; k < f; k++) {
        out[g + i * f + k] = key.field[base + k] * table.value(i, e, k);
      }
    }
    return out;
  }

  Map<String, Double> top(double[] contributions, int limit) {
    Map<String, Double> out = new LinkedHashMap<>();
    boolean[] used = new boolean[contributions.length];
    for (int n = 0; n < limit; n++) {
      int best = -1;
      for (int j = 0; j < contributions.length; j++) {
        if (!used[j]
            && contributions[j] != 0
            && (best < 0 || Math.abs(contributions[j]) > Math.abs(contributions[best]))) {
          best = j;
        }
      }
      if (best < 0) {
        break;
      }
      used[best] = true;
      out.put(name(best), Math.round(contributions[best] * 1e4) / 1e4);
    }
    return out;
  }

  String reason(int row, int r, double[] contributions) {
    int best = -1;
    for (int j = 0; j < contributions.length; j++) {
      if (contributions[j] > 0 && (best < 0 || contributions[j] > contributions[best])) {
        best = j;
      }
    }
    long uses = stats.counts[table.slots[row]];
    String main = best < 0 ? "ranked by learned weights" : phrase(best, row, r);
    return main + "; used " + uses + (uses == 1 ? " time" : " times");
  }

  private String name(int j) {
    if (j < FeatureTable.G) {
      return FeatureTable.GLOBAL[j];
    }
    int i = (j - FeatureTable.G) / FeatureTable.F;
    int k = (j - FeatureTable.G) % FeatureTable.F;
    return table.fieldNames[i] + "." + FeatureTable.PER_FIELD[k];
  }

  private String phrase(int j, int row, int r) {
    if (j >= FeatureTable.G) {
      int i = (j - FeatureTable.G) / FeatureTable.F;
      int k = (j - FeatureTable.G) % FeatureTable.F;
      String where = table.fieldNames[i] + "=" + table.fieldValues[i];
      if (k == 1) {
        double recency = table.value(i, entries[i][r], 1);
        return (recency == 1 ? "last value where " : "used lately where ") + where;
      }
      double share = table.value(i, entries[i][r], 0);
      return percent(share) + " of recent uses where " + where;
    }
    return switch (j) {
      case FeatureTable.EXACT_RECENCY -> "used lately in this exact context";
      case FeatureTable.EXACT_CONTEXT ->
          percent(table.global[row * FeatureTable.G + FeatureTable.EXACT_CONTEXT])
              + " of recent uses in this exact context";
      case FeatureTable.FIELD_RECENCY -> "used lately with these context fields";
      case FeatureTable.FIELD_VOTES,
          FeatureTable.FIELD_MAX,
          FeatureTable.FIELD_LIFT,
          FeatureTable.CONTEXT_SIMILARITY ->
          "often used with these context fields";
      case FeatureTable.VALUE_IN_CONTEXT -> "named in the context";
      case FeatureTable.TEMPORAL_RELEVANCE, FeatureTable.RECENCY_RANK -> "used recently";
      default -> "often used for this key";
    };
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }
}
