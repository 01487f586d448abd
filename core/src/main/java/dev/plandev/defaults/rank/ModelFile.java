package dev.plandev.defaults.rank;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
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
      out.writeInt(Calibrator.BINS);
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

  static void read(Path file, Ranker ranker) {
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in =
            new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16))) {
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
      if (g != FeatureTable.G || f != FeatureTable.F || bins != Calibrator.BINS) {
        throw new RankingException(
            String.format(
                "model file %s has %d global / %d field features and %d bins, expected %d / %d"
                    + " and %d",
                file, g, f, bins, FeatureTable.G, FeatureTable.F, Calibrator.BINS));
      }
      double[] weights = readDoubles(in);
      double[] squares = readDoubles(in);
      ranker.model.restore(weights, squares);
      double[] seen = readDoubles(in);
      double[] hits = readDoubles(in);
      ranker.calibrator.restore(seen, hits);
      int keys = in.readInt();
      for (int k = 0; k < keys; k++) {
        KeyState state = readKey(in, ranker.config());
        ranker.keys.put(state.stats.key, state);
      }
    } catch (IOException e) {
      throw new RankingException("cannot read model file " + file + ": " + e.getMessage(), e);
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

  private static KeyState readKey(DataInputStream in, RankerConfig config) throws IOException {
    String key = readString(in);
    double lambda = in.readDouble();
    KeyStatistics s =
        new KeyStatistics(
            key, lambda, config.maxCandidatesPerKey(), config.maxContextValuesPerKey());
    s.originSeconds = in.readDouble();
    s.events = in.readLong();
    s.weightedEvents = in.readDouble();
    int size = in.readInt();
    s.grow(Math.max(8, size));
    s.size = size;
    for (int i = 0; i < size; i++) {
      s.values[i] = readString(in);
      s.counts[i] = in.readLong();
      s.rejections[i] = in.readLong();
      s.weighted[i] = in.readDouble();
      s.logWeighted[i] = Math.log(s.weighted[i]);
      s.lastSeconds[i] = in.readDouble();
      s.lastWeight[i] = s.peekWeight(s.lastSeconds[i]);
      s.generation[i] = in.readInt();
      s.older[i] = -1;
      s.newer[i] = -1;
      s.slotOf.put(s.values[i], i);
    }
    int ordered = in.readInt();
    int previous = -1;
    for (int i = 0; i < ordered; i++) {
      int slot = in.readInt();
      if (previous < 0) {
        s.newest = slot;
      } else {
        s.older[previous] = slot;
        s.newer[slot] = previous;
      }
      previous = slot;
    }
    s.mostUsedSlot = in.readInt();
    int fields = in.readInt();
    for (int f = 0; f < fields; f++) {
      int number = s.fieldNumber(readString(in));
      s.contextValues += readCounts(in, s.byField.get(number));
    }
    s.contextValues += readCounts(in, s.byExactContext);
    KeyModel m = new KeyModel();
    m.delta = readDoubles(in);
    m.deltaSquares = readDoubles(in);
    m.field = readDoubles(in);
    m.fieldSquares = readDoubles(in);
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

  private static int readCounts(DataInputStream in, Map<String, ContextCounts> map)
      throws IOException {
    int n = in.readInt();
    for (int k = 0; k < n; k++) {
      String value = readString(in);
      ContextCounts c = new ContextCounts();
      c.total = in.readLong();
      c.weightedTotal = in.readDouble();
      c.lastSeconds = in.readDouble();
      int size = in.readInt();
      for (int i = 0; i < size; i++) {
        int slot = in.readInt();
        int generation = in.readInt();
        long count = in.readLong();
        double weighted = in.readDouble();
        c.restore(slot, generation, count, weighted, in.readLong());
      }
      map.put(value, c);
    }
    return n;
  }

  private static void writeString(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > (1 << 24)) {
      throw new IOException("corrupt string length " + length);
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeDouble(v);
    }
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 20)) {
      throw new IOException("corrupt array length " + n);
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = in.readDouble();
    }
    return values;
  }
}
