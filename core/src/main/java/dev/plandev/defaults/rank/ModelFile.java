package dev.plandev.defaults.rank;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The model file: the whole state of a {@link Ranker} (global weights, calibration, and per key the
 * counts, recency order and weights) in a gzipped binary layout that starts with {@link #MAGIC} and
 * {@link #VERSION}. A file of another version is refused with a message naming both versions, never
 * half read. The retraining buffer is not saved: it refills from new events.
 *
 * <p>Reading treats the file as untrusted input (it may be damaged on disk, or crafted): every
 * count and index is checked ({@link ModelInput}) before anything is sized or indexed with it, and
 * the gzip stream is read to its end so that its CRC is checked. Whatever is wrong, the answer is a
 * {@link RankingException} that names the file and the position, never another exception.
 */
final class ModelFile {
  static final int MAGIC = 0x50445246;
  static final int VERSION = 1;

  private ModelFile() {}

  static void write(Path file, Ranker ranker) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream raw = Files.newOutputStream(tmp);
        DataOutputStream out =
            new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(raw), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      out.writeInt(FeatureTable.G);
      out.writeInt(FeatureTable.F);
      out.writeInt(Calibrator.CELLS);
      writeDoubles(out, ranker.model.globalWeights());
      writeDoubles(out, ranker.model.squares());
      double[][] calibration = ranker.calibrator.state();
      writeDoubles(out, calibration[0]);
      writeDoubles(out, calibration[1]);
      List<KeyState> states = new ArrayList<>(ranker.keys.values());
      out.writeInt(states.size());
      for (KeyState state : states) {
        Lock lock = state.lock.readLock();
        lock.lock();
        try {
          writeKey(out, state);
        } finally {
          lock.unlock();
        }
      }
    } catch (IOException e) {
      throw new RankingException("cannot write model file " + tmp + ": " + e.getMessage(), e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new RankingException("cannot replace model file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the whole file into {@code ranker}, checking every count, index and length against its
   * bounds before using it, and reading to the end of the gzip stream so that its CRC is checked.
   *
   * @throws RankingException naming the file and the position of the first problem found
   */
  static void read(Path file, Ranker ranker) {
    try (InputStream raw = Files.newInputStream(file)) {
      ModelInput in =
          new ModelInput(file, new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
      try {
        readContent(in, file, ranker);
        in.expectEnd();
      } catch (IOException e) {
        throw in.unreadable(e);
      } catch (RankingException e) {
        throw e;
      } catch (RuntimeException e) {
        // A check this reader lacks: still a corrupt file, never a crash of whoever opens it.
        throw in.corrupt(e.toString());
      }
    } catch (IOException e) {
      throw new RankingException("cannot read model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static void readContent(ModelInput in, Path file, Ranker ranker) throws IOException {
    int magic = in.readInt();
    if (magic != MAGIC) {
      throw new RankingException(
          "not a ranker model file: " + file + " starts with " + Integer.toHexString(magic));
    }
    int version = in.readInt();
    if (version != VERSION) {
      throw new RankingException(
          "model file "
              + file
              + " has format version "
              + version
              + ", this engine reads version "
              + VERSION);
    }
    int g = in.readInt();
    int f = in.readInt();
    int bins = in.readInt();
    // Older calibration layouts are still read: the evidence levels without the pooled map
    // (STRATA_CELLS), and a single map of BINS cells from before evidence levels.
    if (g != FeatureTable.G
        || f != FeatureTable.F
        || (bins != Calibrator.CELLS
            && bins != Calibrator.STRATA_CELLS
            && bins != Calibrator.BINS)) {
      throw new RankingException(
          String.format(
              "model file %s has %d global / %d field features and %d bins, expected %d / %d"
                  + " and %d",
              file, g, f, bins, FeatureTable.G, FeatureTable.F, Calibrator.CELLS));
    }
    double[] weights = in.doubles("the global weights", FeatureTable.G);
    double[] squares = in.doubles("the global squared gradients", FeatureTable.G);
    ranker.model.restore(weights, squares);
    double[] seen = in.doubles("the calibration counts", bins);
    double[] hits = in.doubles("the calibration hits", bins);
    ranker.calibrator.restore(seen, hits);
    // No bound but the content itself: each key is read before the next is counted.
    int keys = in.count("the number of keys", Integer.MAX_VALUE);
    for (int k = 0; k < keys; k++) {
      KeyState state = readKey(in, ranker.config());
      in.within("");
      if (ranker.keys.putIfAbsent(state.stats.key, state) != null) {
        throw in.corrupt("key '" + state.stats.key + "' appears twice");
      }
    }
  }

  private static void writeKey(DataOutputStream out, KeyState state) throws IOException {
    KeyStatistics s = state.stats;
    writeString(out, s.key);
    out.writeDouble(s.lambda);
    out.writeDouble(s.originSeconds);
    out.writeLong(s.events);
    out.writeDouble(s.weightedEvents);
    out.writeInt(s.size);
    for (int i = 0; i < s.size; i++) {
      writeString(out, s.values[i]);
      out.writeLong(s.counts[i]);
      out.writeLong(s.rejections[i]);
      out.writeDouble(s.weighted[i]);
      out.writeDouble(s.lastSeconds[i]);
      out.writeInt(s.generation[i]);
    }
    List<Integer> order = new ArrayList<>();
    for (int slot = s.newest; slot >= 0; slot = s.older[slot]) {
      order.add(slot);
    }
    out.writeInt(order.size());
    for (int slot : order) {
      out.writeInt(slot);
    }
    out.writeInt(s.mostUsedSlot);
    out.writeInt(s.fieldNumbers.size());
    for (Map.Entry<String, Integer> field : s.fieldNumbers.entrySet()) {
      writeString(out, field.getKey());
      writeCounts(out, s.byField.get(field.getValue()));
    }
    writeCounts(out, s.byExactContext);
    KeyModel m = state.model;
    writeDoubles(out, m.delta);
    writeDoubles(out, m.deltaSquares);
    writeDoubles(out, m.field);
    writeDoubles(out, m.fieldSquares);
  }

  private static KeyState readKey(ModelInput in, RankerConfig config) throws IOException {
    in.within("");
    String key = in.readString("a key");
    in.within("key '" + key + "'");
    if (key.isBlank()) {
      throw in.corrupt("a key is blank");
    }
    double lambda = in.finite("the decay rate");
    if (lambda <= 0) {
      throw in.corrupt("the decay rate is " + lambda + ", not positive");
    }
    KeyStatistics s =
        new KeyStatistics(
            key, lambda, config.maxCandidatesPerKey(), config.maxContextValuesPerKey());
    s.originSeconds = in.readDouble();
    s.events = in.tally("the event count");
    s.weightedEvents = in.finite("the decayed event count");
    int size = in.count("the number of candidates", config.maxCandidatesPerKey());
    s.grow(Math.max(8, size));
    s.size = size;
    for (int i = 0; i < size; i++) {
      String value = in.readString("a value");
      s.values[i] = value;
      s.counts[i] = in.tally("the count of a candidate");
      s.rejections[i] = in.tally("the rejections of a candidate");
      s.weighted[i] = in.finite("the decayed count of a candidate");
      s.logWeighted[i] = Math.log(s.weighted[i]);
      s.lastSeconds[i] = in.finite("the last use of a candidate");
      s.lastWeight[i] = s.peekWeight(s.lastSeconds[i]);
      s.generation[i] = in.count("the generation of a candidate", Integer.MAX_VALUE);
      s.older[i] = -1;
      s.newer[i] = -1;
      if (s.slotOf.put(value, i) != null) {
        throw in.corrupt("value '" + value + "' appears twice");
      }
    }
    int ordered = in.count("the length of the recency order", size);
    boolean[] listed = new boolean[size];
    int previous = -1;
    for (int i = 0; i < ordered; i++) {
      int slot = in.index("a candidate in the recency order", size);
      if (listed[slot]) {
        throw in.corrupt("candidate " + slot + " is twice in the recency order");
      }
      listed[slot] = true;
      if (previous < 0) {
        s.newest = slot;
      } else {
        s.older[previous] = slot;
        s.newer[slot] = previous;
      }
      previous = slot;
    }
    // Written as it is held: -1 while no value of the key was ever chosen (only turned down).
    s.mostUsedSlot = in.index("the most used candidate", size, -1);
    int fields = in.count("the number of context fields", Integer.MAX_VALUE);
    for (int f = 0; f < fields; f++) {
      String field = in.readString("a context field");
      if (s.fieldNumbers.containsKey(field)) {
        throw in.corrupt("context field '" + field + "' appears twice");
      }
      int number = s.fieldNumber(field);
      s.contextValues += readCounts(in, s.byField.get(number), key, size);
    }
    s.contextValues += readCounts(in, s.byExactContext, key, size);
    KeyModel m = new KeyModel();
    m.delta = in.doubles("the weights", FeatureTable.G);
    m.deltaSquares = in.doubles("the squared gradients", FeatureTable.G);
    int fieldWeights = (int) Math.min(Integer.MAX_VALUE, (long) fields * FeatureTable.F);
    m.field = in.doubles("the field weights", fieldWeights, FeatureTable.F);
    m.fieldSquares = in.doubles("the field squared gradients", m.field.length);
    return new KeyState(s, m);
  }

  private static void writeCounts(DataOutputStream out, Map<String, ContextCounts> map)
      throws IOException {
    out.writeInt(map.size());
    for (Map.Entry<String, ContextCounts> e : map.entrySet()) {
      writeString(out, e.getKey());
      ContextCounts c = e.getValue();
      out.writeLong(c.total);
      out.writeDouble(c.weightedTotal);
      out.writeDouble(c.lastSeconds);
      out.writeInt(c.size);
      for (int i = 0; i < c.size; i++) {
        out.writeInt(c.slots[i]);
        out.writeInt(c.generations[i]);
        out.writeLong(c.counts[i]);
        out.writeDouble(c.weighted[i]);
        out.writeLong(c.lastTotals[i]);
      }
    }
  }

  /** Reads context counts whose entries name candidates among the key's {@code size}. */
  private static int readCounts(ModelInput in, Map<String, ContextCounts> map, String key, int size)
      throws IOException {
    int n = in.count("the number of context values", Integer.MAX_VALUE);
    for (int k = 0; k < n; k++) {
      String value = in.readString("a context value");
      ContextCounts c = new ContextCounts();
      c.total = in.tally("the count of a context value");
      c.weightedTotal = in.finite("the decayed count of a context value");
      c.lastSeconds = in.finite("the last use of a context value");
      int entries = in.count("the candidates under a context value", size);
      for (int i = 0; i < entries; i++) {
        int slot = in.index("a candidate under a context value", size);
        int generation = in.readInt();
        long count = in.tally("a count under a context value");
        double weighted = in.finite("a decayed count under a context value");
        c.restore(slot, generation, count, weighted, in.tally("a total under a context value"));
      }
      if (map.put(value, c) != null) {
        throw in.corrupt("context value '" + value + "' appears twice");
      }
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }
}
