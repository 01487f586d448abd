package dev.plandev.defaults.rank;

import java.util.Arrays;

/**
 * How often each candidate value was used under one context field value (such as {@code
 * path=Makefile}) or under one exact context, kept incrementally so that a ranking reads these
 * counts instead of rescanning history.
 *
 * <p>Entries name candidates by slot and slot generation: when a candidate is evicted and its slot
 * reused, old entries no longer match the slot's generation and are ignored, then overwritten.
 * Decayed weights use the growing-weight scale of the owning {@link KeyStatistics}.
 */
final class ContextCounts {
  long total;
  double weightedTotal;
  double lastSeconds;

  int size;
  int[] slots = new int[2];
  int[] generations = new int[2];
  long[] counts = new long[2];
  double[] weighted = new double[2];

  /** {@code log(1 + counts[i])}, kept with the count so rankings need not recompute it. */
  double[] logCounts = new double[2];

  /** The value of {@link #total} just after each entry's last use. */
  long[] lastTotals = new long[2];

  /** {@code log(weighted[i])}, kept with the weight for the same reason. */
  double[] logWeighted = new double[2];

  private int[] table = new int[4];

  /** Records one use of the candidate in {@code slot} at {@code seconds} with decay weight. */
  void add(int slot, int generation, double weight, double seconds) {
    int i = indexOf(slot);
    if (i < 0) {
      i = append(slot);
    }
    if (generations[i] != generation) {
      generations[i] = generation;
      counts[i] = 0;
      weighted[i] = 0;
    }
    counts[i]++;
    logCounts[i] = Math.log1p(counts[i]);
    weighted[i] += weight;
    logWeighted[i] = Math.log(weighted[i]);
    total++;
    lastTotals[i] = total;
    weightedTotal += weight;
    lastSeconds = Math.max(lastSeconds, seconds);
  }

  /** Uses under this context value since the entry's last one: 0 when it was the last. */
  long usesSince(int i) {
    return total - lastTotals[i];
  }

  /** Restores one saved entry without touching the totals. */
  void restore(int slot, int generation, long count, double weight, long lastTotal) {
    restore(slot, generation, count, weight);
    lastTotals[indexOf(slot)] = lastTotal;
  }

  private void restore(int slot, int generation, long count, double weight) {
    int i = indexOf(slot);
    if (i < 0) {
      i = append(slot);
    }
    generations[i] = generation;
    counts[i] = count;
    logCounts[i] = Math.log1p(count);
    weighted[i] = weight;
    logWeighted[i] = Math.log(weight);
  }

  /** The entry position of {@code slot}, or -1. */
  int indexOf(int slot) {
    int mask = table.length - 1;
    for (int h = mix(slot) & mask; ; h = (h + 1) & mask) {
      int stored = table[h];
      if (stored == 0) {
        return -1;
      }
      if (slots[stored - 1] == slot) {
        return stored - 1;
      }
    }
  }

  void scale(double factor) {
    weightedTotal *= factor;
    double logFactor = Math.log(factor);
    for (int i = 0; i < size; i++) {
      weighted[i] *= factor;
      logWeighted[i] += logFactor;
    }
  }

  private int append(int slot) {
    if (size == slots.length) {
      int capacity = size * 2;
      slots = Arrays.copyOf(slots, capacity);
      generations = Arrays.copyOf(generations, capacity);
      counts = Arrays.copyOf(counts, capacity);
      weighted = Arrays.copyOf(weighted, capacity);
      logCounts = Arrays.copyOf(logCounts, capacity);
      logWeighted = Arrays.copyOf(logWeighted, capacity);
      lastTotals = Arrays.copyOf(lastTotals, capacity);
    }
    int i = size++;
    slots[i] = slot;
    generations[i] = -1;
    if (size * 2 > table.length) {
      table = new int[table.length * 2];
      for (int j = 0; j < size; j++) {
        insert(j);
      }
    } else {
      insert(i);
    }
    return i;
  }

  private void insert(int position) {
    int mask = table.length - 1;
    int h = mix(slots[position]) & mask;
    while (table[h] != 0) {
      h = (h + 1) & mask;
    }
    table[h] = position + 1;
  }

  private static int mix(int x) {
    return x * 0x9E3779B9 ^ (x >>> 16);
  }
}
