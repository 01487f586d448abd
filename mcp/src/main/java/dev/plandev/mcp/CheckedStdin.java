package dev.plandev.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The standard input as the SDK's stdio transport reads it: only the lines that are JSON-RPC
 * messages it can read. Every other line is answered here with a JSON-RPC error on the output and
 * dropped, because the SDK's reader stops for good at the first line it cannot read.
 *
 * <p>Blank lines are skipped without an answer. A carriage return inside a line passed on becomes a
 * space: the SDK splits lines at {@code \r} too, and in valid JSON it can only be whitespace.
 */
final class CheckedStdin extends InputStream {
  private final BoundedLines lines;
  private final OutputStream out;
  private final JsonRpcCheck check;
  private byte[] pending = new byte[0];
  private int next;

  /**
   * Reads {@code in}; answers bad lines on {@code out}, which must be the very stream the SDK
   * writes to: both writers hold its monitor while writing a message, so answers never interleave.
   */
  CheckedStdin(InputStream in, OutputStream out, JsonRpcCheck check) {
    this.lines = new BoundedLines(in, JsonRpcCheck.MAX_BYTES);
    this.out = out;
    this.check = check;
  }

  @Override
  public int read() throws IOException {
    if (!fill()) {
      return -1;
    }
    return pending[next++] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fill()) {
      return -1;
    }
    int n = Math.min(len, pending.length - next);
    System.arraycopy(pending, next, b, off, n);
    next += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }

  /** Makes sure a good line is pending; false at the end of the input. */
  private boolean fill() throws IOException {
    while (next == pending.length) {
      if (!lines.next()) {
        return false;
      }
      if (lines.tooLong()) {
        answer(McpErrors.parseError(JsonRpcCheck.TOO_LONG));
        continue;
      }
      byte[] line = lines.bytes();
      int length = trimmedLength(line, lines.length());
      if (isBlank(line, length)) {
        continue;
      }
      Optional<String> rejection = check.rejection(line, length);
      if (rejection.isPresent()) {
        answer(rejection.get());
        continue;
      }
      pending = new byte[length + 1];
      for (int i = 0; i < length; i++) {
        pending[i] = line[i] == '\r' ? (byte) ' ' : line[i];
      }
      pending[length] = '\n';
      next = 0;
    }
    return true;
  }

  private void answer(String error) throws IOException {
    byte[] bytes = (error + "\n").getBytes(StandardCharsets.UTF_8);
    // The SDK's stdio transport writes each message holding the output stream's monitor.
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  private static int trimmedLength(byte[] line, int length) {
    int end = length;
    while (end > 0 && line[end - 1] == '\r') {
      end--;
    }
    return end;
  }

  private static boolean isBlank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
