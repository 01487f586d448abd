package dev.plandev.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Java side's client of a daemon, for {@code plandev daemon status} and {@code stop}: one
 * request, the text it answers, its end. (Command lines are sent by the C client.)
 */
final class DaemonClient {
  private DaemonClient() {}

  /** Whether a daemon accepts connections in {@code folder}. */
  static boolean answers(DaemonFolder folder) {
    try (SocketChannel ignored = connect(folder)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The running daemon's status lines, or empty when none answers. */
  static Optional<String> status(DaemonFolder folder) {
    return call(folder, Frames.STATUS);
  }

  /**
   * Asks the daemon to stop and waits until it stopped (its running commands ended); false when
   * none answered.
   */
  static boolean stop(DaemonFolder folder) {
    return call(folder, Frames.STOP).isPresent();
  }

  private static Optional<String> call(DaemonFolder folder, byte type) {
    try (SocketChannel channel = connect(folder)) {
      Frames.write(SocketStreams.out(channel), type, new byte[0]);
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      var in = SocketStreams.in(channel);
      for (Frames.Frame f = Frames.read(in); f != null; f = Frames.read(in)) {
        if (f.type() == Frames.STDOUT) {
          text.write(f.payload());
        } else if (f.type() == Frames.EXIT) {
          return Optional.of(text.toString(StandardCharsets.UTF_8));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  static SocketChannel connect(DaemonFolder folder) throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      channel.connect(UnixDomainSocketAddress.of(folder.socket()));
      return channel;
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }
}
