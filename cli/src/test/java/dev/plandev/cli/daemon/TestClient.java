package dev.plandev.cli.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A client of a daemon speaking its frames from Java, as the C client does, for tests. */
final class TestClient implements AutoCloseable {
  /** What the daemon answered to one request. */
  record Reply(String out, String err, Integer code, String declined) {}

  private final SocketChannel channel;
  private final InputStream in;
  private final OutputStream out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

  private TestClient(SocketChannel channel) {
    this.channel = channel;
    this.in = SocketStreams.in(channel);
    this.out = SocketStreams.out(channel);
  }

  static TestClient connect(DaemonFolder folder) throws IOException {
    return new TestClient(DaemonClient.connect(folder));
  }

  /** A request without a terminal, with {@code variables} as the client's environment. */
  static Request request(Path dir, Map<String, String> variables, String... args) {
    return new Request(Frames.PROTOCOL, dir, false, false, 80, List.of(args), variables);
  }

  /** Runs {@code request} to its end. */
  static Reply run(DaemonFolder folder, Request request) throws IOException {
    try (TestClient c = connect(folder)) {
      c.send(request);
      return c.awaitEnd();
    }
  }

  void send(Request request) throws IOException {
    Frames.write(out, Frames.REQUEST, Frames.strings(request.fields()));
  }

  /** Reads frames until the command asks for standard input; fails if it ends first. */
  void awaitWantsStdin() throws IOException {
    for (Frames.Frame f = Frames.read(in); f != null; f = Frames.read(in)) {
      if (f.type() == Frames.WANTS_STDIN) {
        return;
      }
      if (!collect(f)) {
        throw new AssertionError("the command ended without reading stdin: " + reply(f));
      }
    }
    throw new AssertionError("the daemon closed the connection");
  }

  /** Sends {@code text} as standard input, then its end. */
  void stdin(String text) throws IOException {
    Frames.write(out, Frames.STDIN, text.getBytes(StandardCharsets.UTF_8));
    Frames.write(out, Frames.STDIN, new byte[0]);
  }

  void cancel() throws IOException {
    Frames.write(out, Frames.CANCEL, new byte[0]);
  }

  /** Reads frames until the exit code or a decline. */
  Reply awaitEnd() throws IOException {
    for (Frames.Frame f = Frames.read(in); f != null; f = Frames.read(in)) {
      if (!collect(f)) {
        return reply(f);
      }
    }
    throw new AssertionError("the daemon closed the connection before the exit code");
  }

  /** Keeps output; false for a frame that ends the request. */
  private boolean collect(Frames.Frame f) throws IOException {
    switch (f.type()) {
      case Frames.STDOUT -> stdout.write(f.payload());
      case Frames.STDERR -> stderr.write(f.payload());
      case Frames.WANTS_STDIN -> {}
      default -> {
        return false;
      }
    }
    return true;
  }

  private Reply reply(Frames.Frame last) {
    return new Reply(
        stdout.toString(StandardCharsets.UTF_8),
        stderr.toString(StandardCharsets.UTF_8),
        last.type() == Frames.EXIT ? last.code() : null,
        last.type() == Frames.DECLINED ? last.text() : null);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
