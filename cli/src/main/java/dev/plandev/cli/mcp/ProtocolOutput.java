package dev.plandev.cli.mcp;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The command's standard output as the byte stream the MCP transport writes UTF-8 JSON lines to.
 *
 * <p>Commands write through their environment's writer (so tests can capture it); the transport
 * wants an {@link OutputStream}. Bytes are decoded as a stream, so a character split across two
 * writes still comes out whole.
 */
final class ProtocolOutput extends OutputStream {
  private final PrintWriter out;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
  private final ByteBuffer pending = ByteBuffer.allocate(8);

  ProtocolOutput(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public synchronized void write(byte[] bytes, int off, int len) {
    ByteBuffer in = ByteBuffer.allocate(pending.position() + len);
    pending.flip();
    in.put(pending).put(bytes, off, len).flip();
    pending.clear();
    CharBuffer chars = CharBuffer.allocate(in.remaining() + 1);
    decoder.decode(in, chars, false);
    pending.put(in); // an incomplete character waits for the next write
    chars.flip();
    out.append(chars);
  }

  @Override
  public synchronized void flush() {
    out.flush();
  }
}
