package dev.plandev.defaults.rank;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The explanation of one ranking: per candidate, each feature's contribution to its score (weight
 * times feature value, in score units), the features that weighed most, and a short reason derived
 * from the feature that lifts it most above the other candidates.
 *
 * <p>The reason compares, for each global feature, the candidate's contribution with the mean
 * contribution over all candidates: a softmax ignores what every candidate shares, so only the
 * difference ranks. (Raw contributions misled: a learned negative weight on the log share made the
 * rarest value's contribution the largest, and it was called "often used".) The reason's words
 * state counts read from the statistics, such as "chosen 3 of the 4 times in this context", never a
 * weight.
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
  private final ContextCounts exact;

  /** Per global feature, its mean contribution over all candidates. */
  private final double[] mean;

  /** Per request field, per ranking position: the entry of that candidate in the block, or -1. */
  private final int[][] entries;

  /**
   * The explanation of the candidates at {@code rows} of {@code table}, in ranking order, for a
   * request with {@code context}.
   */
  Explanation(
      FeatureTable table,
      double[] global,
      KeyModel key,
      KeyStatistics stats,
      int[] rows,
      Map<String, String> context) {
    this.table = table;
    int g = FeatureTable.G;
    this.weights = new double[g];
    for (int j = 0; j < g; j++) {
      weights[j] = global[j] + key.delta[j];
    }
    this.mean = new double[g];
    double[] x = table.global;
    for (int o = 0; o < table.n * g; o += g) {
      for (int j = 0; j < g; j++) {
        mean[j] += x[o + j];
      }
    }
    for (int j = 0; j < g; j++) {
      mean[j] *= weights[j] / table.n;
    }
    this.key = key;
    this.stats = stats;
    this.exact = stats.exactContextCounts(context, false);
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

  /**
   * The reason of the candidate at {@code row}, position {@code r}: what lifts it most above the
   * other candidates, in counts, then how often it was used in all.
   */
  String reason(int row, int r, double[] contributions) {
    int best = -1;
    double bestLift = 0;
    for (int j = 0; j < contributions.length; j++) {
      double lift = j < FeatureTable.G ? contributions[j] - mean[j] : contributions[j];
      if (lift > 1e-9 && lift > bestLift) {
        best = j;
        bestLift = lift;
      }
    }
    long uses = stats.counts[table.slots[row]];
    String main;
    if (best >= 0) {
      main = phrase(best, row, r);
    } else if (table.n == 1) {
      main = "the only value learned so far";
    } else {
      main = "ranked by learned weights";
    }
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

  /** The counts behind feature {@code j} for the candidate at {@code row}, position {@code r}. */
  private String phrase(int j, int row, int r) {
    int slot = table.slots[row];
    if (j >= FeatureTable.G) {
      int i = (j - FeatureTable.G) / FeatureTable.F;
      return inField(i, entries[i][r]);
    }
    return switch (j) {
      case FeatureTable.EXACT_CONTEXT, FeatureTable.EXACT_RECENCY -> inExactContext(slot);
      case FeatureTable.FIELD_VOTES,
          FeatureTable.FIELD_MAX,
          FeatureTable.FIELD_RECENCY,
          FeatureTable.FIELD_LIFT,
          FeatureTable.CONTEXT_SIMILARITY ->
          inStrongestField(r);
      case FeatureTable.VALUE_IN_CONTEXT -> "named in the context";
      // The decayed share grows with recent uses: it says "lately", not "often".
      case FeatureTable.TEMPORAL_RELEVANCE,
          FeatureTable.RECENCY_RANK,
          FeatureTable.DECAYED_FREQUENCY ->
          recency(row);
      default -> "chosen " + stats.counts[slot] + " of the " + stats.events + " times for this key";
    };
  }

  /** How recently the candidate was chosen, among the key's values. */
  private String recency(int row) {
    double inverse = table.global[row * FeatureTable.G + FeatureTable.RECENCY_RANK];
    long rank = Math.round(1 / inverse) - 1;
    return rank == 0
        ? "the value chosen last for this key"
        : "the " + ordinal(rank + 1) + " most recent value chosen for this key";
  }

  private String inExactContext(int slot) {
    if (exact == null) {
      return "chosen in this context";
    }
    int i = exact.indexOf(slot);
    long count = i >= 0 && exact.generations[i] == stats.generation[slot] ? exact.counts[i] : 0;
    return "chosen "
        + count
        + " of the "
        + exact.total
        + " times in this context"
        + (i >= 0 && exact.usesSince(i) == 0 ? ", the last time too" : "");
  }

  /** The request field where the candidate at position {@code r} has the largest share. */
  private String inStrongestField(int r) {
    int bestField = -1;
    double bestShare = -1;
    for (int i = 0; i < table.rows.length; i++) {
      int e = entries[i][r];
      if (e >= 0 && table.value(i, e, 0) > bestShare) {
        bestField = i;
        bestShare = table.value(i, e, 0);
      }
    }
    return bestField < 0
        ? "chosen with these context fields"
        : inField(bestField, entries[bestField][r]);
  }

  /** The candidate's uses under request field {@code i}, at entry {@code e} of its block. */
  private String inField(int i, int e) {
    String where = table.fieldNames[i] + "=" + table.fieldValues[i];
    if (e < 0 || !table.hasCounts()) {
      return "chosen where " + where;
    }
    return "chosen "
        + table.count(i, e)
        + " of the "
        + table.total(i)
        + " times where "
        + where
        + (table.value(i, e, 1) == 1 ? ", the last time too" : "");
  }

  private static String ordinal(long n) {
    long tens = n % 100;
    String suffix =
        tens >= 11 && tens <= 13
            ? "th"
            : switch ((int) (n % 10)) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
