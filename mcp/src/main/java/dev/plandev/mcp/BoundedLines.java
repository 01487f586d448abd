package dev.plandev.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a byte stream, each at most a given number of bytes: a longer line is read to its
 * end and dropped without being held in memory, and reported as too long.
 *
 * <p>A line ends at {@code \n} or at the end of the input; the {@code \n} is not part of it.
 */
final class BoundedLines {
  private static final int CHUNK = 64 * 1024;

  private final InputStream in;
  private final int maxBytes;
  private final byte[] chunk = new byte[CHUNK];
  private int chunkStart;
  private int chunkEnd;
  private byte[] line = new byte[1024];
  private int length;
  private boolean tooLong;

  BoundedLines(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /**
   * Reads the next line; false at the end of the input. After true, {@link #bytes} and {@link
   * #length} hold the line, or {@link #tooLong} tells that it was over the limit.
   */
  boolean next() throws IOException {
    length = 0;
    tooLong = false;
    boolean any = false;
    while (true) {
      if (chunkStart == chunkEnd) {
        int n = in.read(chunk, 0, CHUNK);
        if (n < 0) {
          return any;
        }
        chunkStart = 0;
        chunkEnd = n;
      }
      any = true;
      int end = chunkStart;
      while (end < chunkEnd && chunk[end] != '\n') {
        end++;
      }
      keep(chunkStart, end);
      boolean complete = end < chunkEnd;
      chunkStart = complete ? end + 1 : end;
      if (complete) {
        return true;
      }
    }
  }

  /** The bytes of the line read last, up to {@link #length}; valid until the next call. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return length;
  }

  /** Whether the line read last was over the limit (its bytes are then not kept). */
  boolean tooLong() {
    return tooLong;
  }

  private void keep(int from, int to) {
    int n = to - from;
    if (tooLong || n == 0) {
      return;
    }
    if ((long) length + n > maxBytes) {
      tooLong = true;
      length = 0;
      return;
    }
    if (length + n > line.length) {
      line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(line.length * 2, length + n)));
    }
    System.arraycopy(chunk, from, line, length, n);
    length += n;
  }

  /** Closes the input. */
  void close() throws IOException {
    in.close();
  }
}
