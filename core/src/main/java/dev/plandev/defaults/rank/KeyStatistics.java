package dev.plandev.defaults.rank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the engine remembers about the values of one key: the candidate values with their
 * counts, decayed weights and recency order, and the per-context-value counts. Updated by one event
 * at a time; read by rankings. Not thread-safe: {@link Ranker} guards it with a lock.
 *
 * <p>Decayed counts use growing weights: an event at time t adds {@code exp(lambda * (t -
 * origin))}, so a decayed count never needs updating as time passes and ratios of two decayed
 * counts are read directly. When weights grow too large, {@link #rescale} moves the origin.
 */
final class KeyStatistics {
  private static final double MAX_EXPONENT = 300;

  final String key;
  final double lambda;
  final int maxCandidates;
  final int maxContextValues;

  double originSeconds = Double.NaN;

  /** Incremented by every change, so a cached feature table can tell it is still current. */
  long version;

  long events;
  double weightedEvents;

  int size;
  String[] values = new String[8];
  long[] counts = new long[8];
  long[] rejections = new long[8];
  double[] weighted = new double[8];
  double[] logWeighted = new double[8];

  /** The decay weight of each candidate's last use: its recency in the decayed scale. */
  double[] lastWeight = new double[8];

  double[] lastSeconds = new double[8];
  int[] generation = new int[8];
  final Map<String, Integer> slotOf = new HashMap<>();

  /** Recency order as a doubly linked list over slots; {@code newest} is -1 when empty. */
  int[] older = new int[8];

  int[] newer = new int[8];
  int newest = -1;
  int mostUsedSlot = -1;

  /** Context field names in order of first sight; the index is the field number. */
  final Map<String, Integer> fieldNumbers = new LinkedHashMap<>();

  final List<Map<String, ContextCounts>> byField = new ArrayList<>();
  final Map<String, ContextCounts> byExactContext = new HashMap<>();
  int contextValues;

  KeyStatistics(String key, double lambda, int maxCandidates, int maxContextValues) {
    this.key = key;
    this.lambda = lambda;
    this.maxCandidates = maxCandidates;
    this.maxContextValues = maxContextValues;
  }

  /** The decay weight an event at {@code seconds} would have, without moving the origin. */
  double peekWeight(double seconds) {
    if (Double.isNaN(originSeconds)) {
      return 1;
    }
    return Math.exp(Math.max(-700, Math.min(700, lambda * (seconds - originSeconds))));
  }

  /** The growing decay weight of an event at {@code seconds}. */
  double weightAt(double seconds) {
    if (Double.isNaN(originSeconds)) {
      originSeconds = seconds;
    }
    double exponent = lambda * (seconds - originSeconds);
    if (exponent > MAX_EXPONENT) {
      rescale(seconds);
      exponent = 0;
    }
    return Math.exp(Math.max(-MAX_EXPONENT, exponent));
  }

  /** Records that {@code value} was used in {@code context} at {@code seconds}. */
  void recordUse(String value, Map<String, String> context, double seconds) {
    version++;
    double w = weightAt(seconds);
    int slot = slotFor(value);
    counts[slot]++;
    weighted[slot] += w;
    logWeighted[slot] = Math.log(weighted[slot]);
    lastWeight[slot] = Math.max(lastWeight[slot], w);
    lastSeconds[slot] = Math.max(lastSeconds[slot], seconds);
    events++;
    weightedEvents += w;
    moveToNewest(slot);
    if (mostUsedSlot < 0 || counts[slot] > counts[mostUsedSlot]) {
      mostUsedSlot = slot;
    }
    int gen = generation[slot];
    for (Map.Entry<String, String> field : context.entrySet()) {
      contextCounts(fieldNumber(field.getKey()), field.getValue(), true).add(slot, gen, w, seconds);
    }
    exactContextCounts(context, true).add(slot, gen, w, seconds);
    if (contextValues > maxContextValues) {
      forgetOldestContextValues();
    }
  }

  /** Records that {@code value} was suggested and turned down. */
  void recordRejection(String value) {
    Integer slot = slotOf.get(value);
    if (slot != null) {
      version++;
      rejections[slot]++;
    }
  }

  int fieldNumber(String field) {
    Integer n = fieldNumbers.get(field);
    if (n == null) {
      n = fieldNumbers.size();
      fieldNumbers.put(field, n);
      byField.add(new HashMap<>());
    }
    return n;
  }

  /** The counts under {@code field=value}, or {@code null} when never seen and not created. */
  ContextCounts contextCounts(int field, String value, boolean create) {
    Map<String, ContextCounts> map = byField.get(field);
    ContextCounts c = map.get(value);
    if (c == null && create) {
      c = new ContextCounts();
      map.put(value, c);
      contextValues++;
    }
    return c;
  }

  ContextCounts exactContextCounts(Map<String, String> context, boolean create) {
    String canonical = canonical(context);
    ContextCounts c = byExactContext.get(canonical);
    if (c == null && create) {
      c = new ContextCounts();
      byExactContext.put(canonical, c);
      contextValues++;
    }
    return c;
  }

  static String canonical(Map<String, String> context) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(context).entrySet()) {
      sb.append(e.getKey()).append('\u0000').append(e.getValue()).append('\u0001');
    }
    return sb.toString();
  }

  /** Position of each slot in recency order (0 = most recently used). */
  int[] recencyRanks() {
    int[] ranks = new int[size];
    int r = 0;
    for (int s = newest; s >= 0; s = older[s]) {
      ranks[s] = r++;
    }
    return ranks;
  }

  private int slotFor(String value) {
    Integer existing = slotOf.get(value);
    if (existing != null) {
      return existing;
    }
    int slot;
    if (size < maxCandidates) {
      slot = size++;
      if (slot == values.length) {
        grow(Math.min(maxCandidates, values.length * 2));
      }
      older[slot] = -1;
      newer[slot] = -1;
    } else {
      slot = leastValuableSlot();
      slotOf.remove(values[slot]);
      unlink(slot);
      generation[slot]++;
      if (slot == mostUsedSlot) {
        mostUsedSlot = -1;
      }
    }
    values[slot] = value;
    counts[slot] = 0;
    rejections[slot] = 0;
    weighted[slot] = 0;
    logWeighted[slot] = Double.NEGATIVE_INFINITY;
    lastWeight[slot] = 0;
    lastSeconds[slot] = Double.NEGATIVE_INFINITY;
    slotOf.put(value, slot);
    if (mostUsedSlot < 0) {
      recomputeMostUsed(slot);
    }
    return slot;
  }

  /** Eviction policy: the candidate with the smallest decayed count (used least, lately). */
  private int leastValuableSlot() {
    int victim = 0;
    for (int s = 1; s < size; s++) {
      if (weighted[s] < weighted[victim]) {
        victim = s;
      }
    }
    return victim;
  }

  private void recomputeMostUsed(int exclude) {
    for (int s = 0; s < size; s++) {
      if (s != exclude && (mostUsedSlot < 0 || counts[s] > counts[mostUsedSlot])) {
        mostUsedSlot = s;
      }
    }
  }

  private void moveToNewest(int slot) {
    if (newest == slot) {
      return;
    }
    unlink(slot);
    older[slot] = newest;
    newer[slot] = -1;
    if (newest >= 0) {
      newer[newest] = slot;
    }
    newest = slot;
  }

  private void unlink(int slot) {
    int o = older[slot];
    int n = newer[slot];
    if (o >= 0) {
      newer[o] = n;
    }
    if (n >= 0) {
      older[n] = o;
    } else if (newest == slot) {
      newest = o;
    }
    older[slot] = -1;
    newer[slot] = -1;
  }

  void grow(int capacity) {
    values = Arrays.copyOf(values, capacity);
    counts = Arrays.copyOf(counts, capacity);
    rejections = Arrays.copyOf(rejections, capacity);
    weighted = Arrays.copyOf(weighted, capacity);
    logWeighted = Arrays.copyOf(logWeighted, capacity);
    lastWeight = Arrays.copyOf(lastWeight, capacity);
    lastSeconds = Arrays.copyOf(lastSeconds, capacity);
    generation = Arrays.copyOf(generation, capacity);
    older = Arrays.copyOf(older, capacity);
    newer = Arrays.copyOf(newer, capacity);
  }

  /** Drops the tenth of the context values (field values and exact contexts) seen longest ago. */
  private void forgetOldestContextValues() {
    List<Map<String, ContextCounts>> maps = new ArrayList<>(byField);
    maps.add(byExactContext);
    double[] times = new double[contextValues];
    int i = 0;
    for (Map<String, ContextCounts> map : maps) {
      for (ContextCounts c : map.values()) {
        times[i++] = c.lastSeconds;
      }
    }
    Arrays.sort(times, 0, i);
    double cutoff = times[Math.max(0, i / 10 - 1)];
    for (Map<String, ContextCounts> map : maps) {
      int before = map.size();
      map.values().removeIf(c -> c.lastSeconds <= cutoff);
      contextValues -= before - map.size();
    }
  }

  /** Moves the decay origin to {@code seconds}, shrinking every decayed weight to match. */
  void rescale(double seconds) {
    double factor = Math.exp(-lambda * (seconds - originSeconds));
    originSeconds = seconds;
    weightedEvents *= factor;
    double logFactor = Math.log(factor);
    for (int s = 0; s < size; s++) {
      weighted[s] *= factor;
      logWeighted[s] += logFactor;
      lastWeight[s] *= factor;
    }
    for (Map<String, ContextCounts> map : byField) {
      map.values().forEach(c -> c.scale(factor));
    }
    byExactContext.values().forEach(c -> c.scale(factor));
  }
}
