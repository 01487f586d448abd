package dev.plandev.defaults.rank;

import static dev.plandev.defaults.rank.FeatureTable.CONTEXT_SIMILARITY;
import static dev.plandev.defaults.rank.FeatureTable.DECAYED_FREQUENCY;
import static dev.plandev.defaults.rank.FeatureTable.EXACT_CONTEXT;
import static dev.plandev.defaults.rank.FeatureTable.EXACT_RECENCY;
import static dev.plandev.defaults.rank.FeatureTable.FIELD_LIFT;
import static dev.plandev.defaults.rank.FeatureTable.FIELD_MAX;
import static dev.plandev.defaults.rank.FeatureTable.FIELD_RECENCY;
import static dev.plandev.defaults.rank.FeatureTable.FIELD_VOTES;
import static dev.plandev.defaults.rank.FeatureTable.G;
import static dev.plandev.defaults.rank.FeatureTable.RECENCY_RANK;
import static dev.plandev.defaults.rank.FeatureTable.SUCCESS_RATE;
import static dev.plandev.defaults.rank.FeatureTable.TEMPORAL_RELEVANCE;
import static dev.plandev.defaults.rank.FeatureTable.USAGE_COUNT;
import static dev.plandev.defaults.rank.FeatureTable.VALUE_IN_CONTEXT;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Computes the {@link FeatureTable} of a key's candidates for one request context and time from the
 * key's {@link KeyStatistics}, in one pass over the candidates and the context counts the request
 * touches.
 */
final class FeatureExtraction {
  /**
   * The floor of {@code decayed_frequency}: the log share of a value whose uses have all decayed
   * away would be minus infinity.
   */
  private static final double MIN_LOG_SHARE = Math.log(1e-4);

  private FeatureExtraction() {}

  /**
   * The features of every candidate of {@code stats} for {@code context} at {@code now} (epoch
   * seconds): the per-field blocks first, since the field features of the global block are sums
   * over them, then the exact-context and value-in-context features, then each candidate's own.
   */
  static FeatureTable build(KeyStatistics stats, Map<String, String> context, double now) {
    double[] x = new double[stats.size * G];
    double[] logShare = logShares(stats);
    List<FieldBlock> blocks = new ArrayList<>(context.size());
    for (Map.Entry<String, String> field : inFieldOrder(context)) {
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

  /**
   * The context's fields sorted by name. The field features are sums over the fields, and a sum of
   * doubles depends on its order: in the order of the caller's map ({@code Map.of} and {@code
   * Map.copyOf} change theirs from one JVM to the next) the same history ranked ties differently
   * from one run to another.
   */
  private static Iterable<Map.Entry<String, String>> inFieldOrder(Map<String, String> context) {
    if (context instanceof SortedMap<String, String> sorted && sorted.comparator() == null) {
      return sorted.entrySet();
    }
    return new TreeMap<>(context).entrySet();
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
        new FeatureTable.Live(entries, sources, inverseTotals, logTotals, logShare),
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
}
