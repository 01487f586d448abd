package dev.plandev.defaults.cache;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An estimate of the heap that one L1 value keeps alive, from the lengths of its strings: cheap
 * enough to compute on every store (no reflection, no walk of an object graph), and close enough to
 * bound L1 by bytes.
 *
 * <p>The sizes are those of a 64-bit HotSpot JVM with compressed references (the default below 32
 * GB of heap): 12-byte object headers, 4-byte references, objects aligned to 8 bytes; a string
 * counts one byte a character (compact Latin-1 strings; text outside Latin-1 takes twice that and
 * is underestimated). Objects that every value shares (the empty context, enum constants, the empty
 * map) count nothing. Checked against the heap 60,000 answers of the load benchmark really took (a
 * key, a short value, a two-field context): 1,016 bytes estimated, 1,022 to 1,032 measured.
 */
final class RetainedBytes {
  /**
   * What a cached value costs besides itself: Caffeine's node (key, value, times, weight, links of
   * its orders), the hash table's node and slot, its share of the frequency sketch, and the {@code
   * LocalCache} slot record and holder.
   */
  static final int PER_VALUE = 176;

  private static final int STRING = 24;
  private static final int ARRAY = 16;
  private static final int INSTANT = 24;
  private static final int OPTIONAL = 16;
  private static final int RESOLUTION = 24;
  private static final int ENTRY = 96;
  private static final int CONTEXT = 24;
  private static final int TREE_MAP = 48;
  private static final int TREE_MAP_ENTRY = 40;
  private static final int PREDICTION = 40;
  private static final int IMMUTABLE_COLLECTION = 24;
  private static final int BOXED_DOUBLE = 16;

  private RetainedBytes() {}

  /** A cached value with the two strings that name its slot. */
  static int ofSlot(LocalCache.Slot slot) {
    return PER_VALUE + string(slot.key()) + string(slot.detail());
  }

  /** A cached resolution, or a cached "no default" (the shared empty {@code Optional}). */
  static int ofResolution(Optional<Resolution> r) {
    return r.isEmpty() ? 0 : OPTIONAL + RESOLUTION + entry(r.get().entry());
  }

  /** A cached list of ranked candidates. */
  static int ofPredictions(List<Prediction> predictions) {
    int size = IMMUTABLE_COLLECTION + align(ARRAY + 4 * predictions.size());
    for (Prediction p : predictions) {
      size += PREDICTION + string(p.value()) + string(p.reason()) + map(p.contributions());
    }
    return size;
  }

  private static int entry(DefaultEntry e) {
    return ENTRY
        + string(e.key())
        + string(e.value())
        + string(e.valueSchema())
        + context(e.context())
        + instant(e.lastUsed())
        + instant(e.createdAt())
        + instant(e.updatedAt())
        + instant(e.expiresAt());
  }

  private static int context(Context c) {
    if (c == null || c.isEmpty()) {
      return 0;
    }
    int size = CONTEXT + TREE_MAP + string(c.toJson());
    for (Map.Entry<String, String> f : c.fields().entrySet()) {
      size += TREE_MAP_ENTRY + string(f.getKey()) + string(f.getValue());
    }
    return size;
  }

  private static int map(Map<String, Double> m) {
    if (m.isEmpty()) {
      return 0;
    }
    // Map.copyOf keeps keys and values in one table twice as long as the pairs.
    int size = IMMUTABLE_COLLECTION + align(ARRAY + 4 * 4 * m.size());
    for (String k : m.keySet()) {
      size += string(k) + BOXED_DOUBLE;
    }
    return size;
  }

  private static int string(String s) {
    return s == null ? 0 : STRING + align(ARRAY + s.length());
  }

  private static int instant(Instant i) {
    return i == null ? 0 : INSTANT;
  }

  private static int align(int bytes) {
    return (bytes + 7) & ~7;
  }
}
