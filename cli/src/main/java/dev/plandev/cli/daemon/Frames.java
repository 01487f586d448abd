package dev.plandev.cli.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's wire format: frames of one type byte, a 4-byte big-endian length and that many
 * bytes, over the Unix domain socket. The C client ({@code cli/src/main/c/plandev-client.c}) speaks
 * the same.
 *
 * <p>Client to daemon: {@link #REQUEST} (the protocol version, working directory, whether stdin and
 * stdout are terminals, the terminal's width, the arguments and the environment, as NUL-terminated
 * strings), {@link #STDIN} (bytes of standard input; empty at its end), {@link #CANCEL} (Ctrl-C),
 * {@link #STATUS} and {@link #STOP}. Daemon to client: {@link #DECLINED} (the client runs the
 * command itself; the reason in plain words), {@link #WANTS_STDIN} (the command reads standard
 * input: the client starts sending it), {@link #STDOUT}, {@link #STDERR} and last {@link #EXIT}
 * (the exit code, 4 bytes).
 */
final class Frames {
  static final int PROTOCOL = 1;

  static final byte REQUEST = 'R';
  static final byte STDIN = 'I';
  static final byte CANCEL = 'C';
  static final byte STATUS = 'Q';
  static final byte STOP = 'T';
  static final byte DECLINED = 'D';
  static final byte WANTS_STDIN = 'S';
  static final byte STDOUT = 'O';
  static final byte STDERR = 'E';
  static final byte EXIT = 'X';

  /** Larger frames are refused: a request or a chunk of output is far smaller. */
  static final int MAX_LENGTH = 16 << 20;

  private Frames() {}

  /** One frame as read. */
  record Frame(byte type, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    int code() {
      return ByteBuffer.wrap(payload).getInt();
    }

    /** The NUL-terminated strings of the payload. */
    List<String> strings() {
      List<String> out = new ArrayList<>();
      int start = 0;
      for (int i = 0; i < payload.length; i++) {
        if (payload[i] == 0) {
          out.add(new String(payload, start, i - start, StandardCharsets.UTF_8));
          start = i + 1;
        }
      }
      return out;
    }
  }

  /** The next frame, or null at the end of the stream. */
  static Frame read(InputStream in) throws IOException {
    DataInputStream data = new DataInputStream(in);
    int type = data.read();
    if (type < 0) {
      return null;
    }
    int length = data.readInt();
    if (length < 0 || length > MAX_LENGTH) {
      throw new IOException("a frame of " + length + " bytes; at most " + MAX_LENGTH);
    }
    byte[] payload = new byte[length];
    try {
      data.readFully(payload);
    } catch (EOFException e) {
      throw new IOException("the frame ended after fewer than its " + length + " bytes", e);
    }
    return new Frame((byte) type, payload);
  }

  /** Writes one frame and flushes it. */
  static void write(OutputStream out, byte type, byte[] payload, int offset, int length)
      throws IOException {
    byte[] frame = new byte[5 + length];
    ByteBuffer.wrap(frame).put(type).putInt(length).put(payload, offset, length);
    out.write(frame);
    out.flush();
  }

  static void write(OutputStream out, byte type, byte[] payload) throws IOException {
    write(out, type, payload, 0, payload.length);
  }

  static void writeText(OutputStream out, byte type, String text) throws IOException {
    write(out, type, text.getBytes(StandardCharsets.UTF_8));
  }

  static void writeCode(OutputStream out, byte type, int code) throws IOException {
    write(out, type, ByteBuffer.allocate(4).putInt(code).array());
  }

  /** The payload of NUL-terminated strings. */
  static byte[] strings(List<String> values) throws IOException {
    var bytes = new java.io.ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(bytes);
    for (String v : values) {
      data.write(v.getBytes(StandardCharsets.UTF_8));
      data.write(0);
    }
    return bytes.toByteArray();
  }
}
