package dev.plandev.cli.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * Streams over a socket channel that one thread may read while another writes. {@code
 * Channels.newInputStream} cannot be used: it holds the channel's blocking lock while it waits for
 * bytes, which would hold up every write meanwhile.
 */
final class SocketStreams {
  private SocketStreams() {}

  static InputStream in(SocketChannel channel) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        int n;
        do {
          n = channel.read(ByteBuffer.wrap(b, off, len));
        } while (n == 0);
        return n;
      }
    };
  }

  static OutputStream out(SocketChannel channel) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    };
  }
}
