package dev.plandev.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * An input stream that tells when it has ended (end of file or a read error), so that the stdio
 * server can stop when the client closes its end of the pipe: the SDK's transport has no such
 * signal.
 */
final class InputEnd extends FilterInputStream {
  private final CountDownLatch ended = new CountDownLatch(1);

  InputEnd(InputStream in) {
    super(in);
  }

  /** Waits until the input has ended. */
  void await() throws InterruptedException {
    ended.await();
  }

  @Override
  public int read() throws IOException {
    return watched(() -> super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return watched(() -> super.read(b, off, len));
  }

  @Override
  public void close() throws IOException {
    ended.countDown();
    super.close();
  }

  private int watched(Read read) throws IOException {
    try {
      int n = read.run();
      if (n < 0) {
        ended.countDown();
      }
      return n;
    } catch (IOException e) {
      ended.countDown();
      throw e;
    }
  }

  /** One read call. */
  private interface Read {
    int run() throws IOException;
  }
}
