package dev.plandev.defaults.rank;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipException;

/**
 * The reading side of a model file, which is untrusted input: every number that sizes or indexes
 * something is checked against its bounds before anything is allocated or indexed with it, and
 * every complaint names the file and the byte of its (decompressed) content where it was found.
 */
final class ModelInput {
  /** Longest string of the file: a key, a value, a context field or value, in UTF-8. */
  static final int MAX_STRING_BYTES = 1 << 20;

  private final Path file;
  private final Counting counted;
  private final DataInputStream in;

  /** What is being read, such as {@code key 'plan.author'}, appended to complaints. */
  private String scope = "";

  ModelInput(Path file, InputStream content) {
    this.file = file;
    this.counted = new Counting(content);
    this.in = new DataInputStream(counted);
  }

  /** Names what the following reads belong to, for complaints; empty for the whole file. */
  void within(String scope) {
    this.scope = scope;
  }

  int readInt() throws IOException {
    return in.readInt();
  }

  long readLong() throws IOException {
    return in.readLong();
  }

  double readDouble() throws IOException {
    return in.readDouble();
  }

  /** A count of {@code what}, refused unless within {@code 0..max}. */
  int count(String what, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw corrupt(what + " is " + n + ", outside 0.." + max);
    }
    return n;
  }

  /** An index into something of {@code size} elements, refused unless within {@code 0..size-1}. */
  int index(String what, int size) throws IOException {
    return index(what, size, 0);
  }

  /** An index from {@code from} up to {@code size - 1}, refused outside. */
  int index(String what, int size, int from) throws IOException {
    int i = in.readInt();
    if (i < from || i >= size) {
      throw corrupt(what + " is " + i + ", outside " + from + ".." + (size - 1));
    }
    return i;
  }

  /** A count of events, refused when negative. */
  long tally(String what) throws IOException {
    long n = in.readLong();
    if (n < 0) {
      throw corrupt(what + " is " + n + ", a negative count");
    }
    return n;
  }

  /** A number that must be finite. */
  double finite(String what) throws IOException {
    double v = in.readDouble();
    if (!Double.isFinite(v)) {
      throw corrupt(what + " is " + v + ", not a finite number");
    }
    return v;
  }

  String readString(String what) throws IOException {
    int length = count("the length of " + what, MAX_STRING_BYTES);
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** An array of finite numbers that must have exactly {@code length} elements. */
  double[] doubles(String what, int length) throws IOException {
    int n = in.readInt();
    if (n != length) {
      throw corrupt(what + " has " + n + " numbers, expected " + length);
    }
    return finiteDoubles(what, n);
  }

  /** An array of finite numbers of at most {@code max} elements, a multiple of {@code step}. */
  double[] doubles(String what, int max, int step) throws IOException {
    int n = count("the length of " + what, max);
    if (n % step != 0) {
      throw corrupt(what + " has " + n + " numbers, not a multiple of " + step);
    }
    return finiteDoubles(what, n);
  }

  /** Grows the array as numbers arrive, so a length the content cannot back allocates little. */
  private double[] finiteDoubles(String what, int n) throws IOException {
    double[] values = new double[Math.min(n, 4096)];
    for (int i = 0; i < n; i++) {
      if (i == values.length) {
        values = Arrays.copyOf(values, (int) Math.min(n, 2L * values.length));
      }
      values[i] = in.readDouble();
      if (!Double.isFinite(values[i])) {
        throw corrupt(what + "[" + i + "] is " + values[i] + ", not a finite number");
      }
    }
    return values;
  }

  /**
   * Checks that the content ends here, reading on to the end of the stream so that the gzip trailer
   * (CRC-32 and length of the content) is read and checked too.
   */
  void expectEnd() throws IOException {
    if (in.read() != -1) {
      throw corrupt("content goes on after the model ends");
    }
  }

  /** A failure at the current position that names the file. */
  RankingException corrupt(String detail) {
    return new RankingException(where() + detail);
  }

  /** The failure for an exception of the stream (truncated, bad gzip data, CRC mismatch). */
  RankingException unreadable(IOException e) {
    String detail;
    if (e instanceof EOFException) {
      detail = "it ends too early (truncated)";
    } else if (e instanceof ZipException) {
      detail = "its compressed data is damaged (" + e.getMessage() + ")";
    } else {
      detail = e.getMessage() == null ? e.toString() : e.getMessage();
    }
    return new RankingException(where() + detail, e);
  }

  private String where() {
    return "model file "
        + file
        + " is corrupt at byte "
        + counted.position
        + " of its content"
        + (scope.isEmpty() ? "" : ", in " + scope)
        + ": ";
  }

  /** Counts the bytes read, for the position in messages. */
  private static final class Counting extends FilterInputStream {
    long position;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        position++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        position += n;
      }
      return n;
    }
  }
}
