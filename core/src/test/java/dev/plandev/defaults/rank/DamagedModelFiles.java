package dev.plandev.defaults.rank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Damages a real model file the way a crafted or corrupted file would be: a header that is still
 * valid followed by an impossible count or index, a cut, or a flipped bit that only the gzip CRC
 * can tell. The offsets follow the layout {@code ModelFile} writes, for the file's first key.
 */
public final class DamagedModelFiles {
  /** The kinds of damage. */
  public enum Damage {
    NEGATIVE_CANDIDATE_COUNT,
    SLOT_INDEX_OUT_OF_RANGE,
    CANDIDATE_COUNT_OF_2_POW_31,
    KEY_COUNT_OF_2_POW_31,
    TRUNCATED,
    BIT_FLIP_IN_PAYLOAD,
    BIT_FLIP_IN_CRC
  }

  private DamagedModelFiles() {}

  /**
   * Rewrites {@code file} as it was written before calibration had evidence strata: one map of
   * {@link Calibrator#BINS} cells (here the last evidence level's, the map of long histories).
   */
  public static void withSingleCalibrationMap(Path file) throws IOException {
    keepCalibrationCells(file, Calibrator.STRATA_CELLS - Calibrator.BINS, Calibrator.BINS);
  }

  /**
   * Rewrites {@code file} as it was written before the pooled calibration map: the cells of the
   * evidence levels only.
   */
  public static void withoutPooledCalibrationMap(Path file) throws IOException {
    keepCalibrationCells(file, 0, Calibrator.STRATA_CELLS);
  }

  /** Keeps {@code count} cells from {@code from} of both calibration arrays of {@code file}. */
  private static void keepCalibrationCells(Path file, int from, int count) throws IOException {
    byte[] content = gunzip(Files.readAllBytes(file));
    int calibrationAt = 20 + 2 * (4 + 8 * FeatureTable.G);
    int arrayLength = 4 + 8 * Calibrator.CELLS;
    ByteBuffer out = ByteBuffer.allocate(content.length - 2 * 8 * (Calibrator.CELLS - count));
    out.put(content, 0, calibrationAt);
    out.putInt(16, count);
    for (int array = 0; array < 2; array++) {
      int at = calibrationAt + array * arrayLength;
      out.putInt(count);
      out.put(content, at + 4 + 8 * from, 8 * count);
    }
    int keysAt = calibrationAt + 2 * arrayLength;
    out.put(content, keysAt, content.length - keysAt);
    Files.write(file, gzip(out.array(), Deflater.DEFAULT_COMPRESSION));
  }

  /** Rewrites {@code file} (a model file with at least one key) with {@code damage}. */
  public static void damage(Path file, Damage damage) throws IOException {
    byte[] content = gunzip(Files.readAllBytes(file));
    ByteBuffer b = ByteBuffer.wrap(content);
    int keysAt = 20 + 2 * (4 + 8 * FeatureTable.G) + 2 * (4 + 8 * Calibrator.CELLS);
    int keyLength = b.getInt(keysAt + 4);
    int sizeAt = keysAt + 4 + 4 + keyLength + 4 * 8;
    int at = sizeAt + 4;
    for (int i = 0; i < b.getInt(sizeAt); i++) {
      at += 4 + b.getInt(at) + 4 * 8 + 4;
    }
    int firstSlotAt = at + 4;
    byte[] out;
    switch (damage) {
      case NEGATIVE_CANDIDATE_COUNT ->
          out = gzip(patch(content, sizeAt, -1), Deflater.DEFAULT_COMPRESSION);
      case SLOT_INDEX_OUT_OF_RANGE ->
          out = gzip(patch(content, firstSlotAt, 1_000_000), Deflater.DEFAULT_COMPRESSION);
      case CANDIDATE_COUNT_OF_2_POW_31 ->
          out = gzip(patch(content, sizeAt, Integer.MAX_VALUE), Deflater.DEFAULT_COMPRESSION);
      case KEY_COUNT_OF_2_POW_31 ->
          out = gzip(patch(content, keysAt, Integer.MAX_VALUE), Deflater.DEFAULT_COMPRESSION);
      case TRUNCATED -> {
        byte[] whole = gzip(content, Deflater.DEFAULT_COMPRESSION);
        out = Arrays.copyOf(whole, whole.length / 2);
      }
      case BIT_FLIP_IN_PAYLOAD -> {
        // Stored (uncompressed) deflate blocks: the flip changes one bit of the content, in the
        // lowest byte of the first global weight, so the content still parses and only the CRC
        // tells. 10 bytes of gzip header, 5 of stored block header, then the content.
        out = gzip(content, Deflater.NO_COMPRESSION);
        out[10 + 5 + 24 + 7] ^= 1;
      }
      case BIT_FLIP_IN_CRC -> {
        out = gzip(content, Deflater.DEFAULT_COMPRESSION);
        out[out.length - 8] ^= 0x10;
      }
      default -> throw new IllegalArgumentException(damage.name());
    }
    Files.write(file, out);
  }

  private static byte[] patch(byte[] content, int at, int value) {
    byte[] copy = content.clone();
    ByteBuffer.wrap(copy).putInt(at, value);
    return copy;
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] content, int level) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out =
        new GZIPOutputStream(bytes) {
          {
            def.setLevel(level);
          }
        }) {
      out.write(content);
    }
    return bytes.toByteArray();
  }
}
