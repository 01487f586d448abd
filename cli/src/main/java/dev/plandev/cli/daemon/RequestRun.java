package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.EngineSource;
import dev.plandev.cli.invocation.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One command line run for a client: the command runs on a thread of its own with the client's
 * environment, working directory and streams; this thread alone writes to the socket (the command's
 * output, then its exit code), and a third reads what the client sends (standard input, or Ctrl-C).
 *
 * <p>The command's thread is the only one ever interrupted, and it never touches the socket: an
 * interrupted thread would close the channel it was writing to, and the exit code could not be
 * sent. When the client presses Ctrl-C or goes away, the command is interrupted, its further output
 * dropped, and the exit code is 130 whatever the command returns, as a JVM stopped by Ctrl-C.
 */
final class RequestRun {
  static final int INTERRUPTED = 130;

  private final Request request;
  private final InputStream fromClient;
  private final OutputStream toClient;
  private final CommandRunner runner;
  private final EngineSource engines;
  private final Environment daemonEnvironment;

  /** Frames for the client, in order; bounded, so that a command cannot outrun the socket. */
  private final BlockingQueue<byte[]> outgoing = new ArrayBlockingQueue<>(256);

  private final BlockingQueue<byte[]> stdin = new LinkedBlockingQueue<>();
  private volatile boolean cancelled;
  private volatile Thread command;

  RequestRun(
      Request request,
      InputStream fromClient,
      OutputStream toClient,
      CommandRunner runner,
      EngineSource engines,
      Environment daemonEnvironment) {
    this.request = request;
    this.fromClient = fromClient;
    this.toClient = toClient;
    this.runner = runner;
    this.engines = engines;
    this.daemonEnvironment = daemonEnvironment;
  }

  /**
   * Runs the command and relays it to the client; {@code ended} runs once the command ended, before
   * the client is given its exit code (so that whoever sees the code sees the daemon's count of
   * requests updated). Returns the exit code.
   */
  int run(Runnable ended) {
    Environment env =
        new Environment(
            request.variables(),
            request.workingDir(),
            Environment.home(request.variables(), daemonEnvironment.home().toString()),
            daemonEnvironment.osName(),
            Clock.systemUTC(),
            new StdinPipe(),
            writer(Frames.STDOUT),
            writer(Frames.STDERR),
            false);
    String[] args = request.args().toArray(String[]::new);
    command =
        new Thread(
            () -> {
              int code = 1; // Plandev.run never throws; if it did, the log has it
              try {
                code = runner.run(env, engines, args);
              } finally {
                enqueueExit(cancelled ? INTERRUPTED : code);
              }
            },
            "plandev-run");
    Thread reader = new Thread(this::readClient, "plandev-client-reader");
    reader.setDaemon(true);
    command.start();
    reader.start();
    return relay(ended);
  }

  /** Whether the client pressed Ctrl-C or went away before the command ended. */
  boolean cancelled() {
    return cancelled;
  }

  /** Writes the command's frames to the client until its exit code; returns the code. */
  private int relay(Runnable ended) {
    boolean clientGone = false;
    while (true) {
      byte[] frame = takeUninterruptibly();
      boolean exit = frame[0] == Frames.EXIT;
      boolean output = frame[0] == Frames.STDOUT || frame[0] == Frames.STDERR;
      if (exit) {
        ended.run();
      }
      if (!clientGone && !(cancelled && output)) {
        try {
          toClient.write(frame);
          toClient.flush();
        } catch (IOException e) {
          clientGone = true;
          cancel();
        }
      }
      if (exit) {
        return ByteBuffer.wrap(frame, 5, 4).getInt();
      }
    }
  }

  /** Reads standard input and Ctrl-C from the client; its end (or a broken socket) cancels too. */
  private void readClient() {
    try {
      for (Frames.Frame f = Frames.read(fromClient); f != null; f = Frames.read(fromClient)) {
        if (f.type() == Frames.STDIN) {
          stdin.add(f.payload());
        } else if (f.type() == Frames.CANCEL) {
          break;
        }
      }
    } catch (IOException e) {
      // the client went away: the same as Ctrl-C
    }
    cancel();
  }

  /** Interrupts the command unless it already ended (its exit frame is then queued). */
  private synchronized void cancel() {
    if (command != null && command.isAlive() && !cancelled) {
      cancelled = true;
      command.interrupt();
    }
  }

  private synchronized void enqueueExit(int code) {
    command = null; // a cancel from now on has nothing to interrupt
    Thread.interrupted();
    enqueueUninterruptibly(frame(Frames.EXIT, ByteBuffer.allocate(4).putInt(code).array(), 4));
  }

  private byte[] takeUninterruptibly() {
    while (true) {
      try {
        return outgoing.take();
      } catch (InterruptedException e) {
        // this thread is never the one interrupted; keep relaying
      }
    }
  }

  private void enqueueUninterruptibly(byte[] frame) {
    boolean interrupted = false;
    while (true) {
      try {
        outgoing.put(frame);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] frame(byte type, byte[] payload, int length) {
    byte[] f = new byte[5 + length];
    ByteBuffer.wrap(f).put(type).putInt(length).put(payload, 0, length);
    return f;
  }

  private PrintWriter writer(byte type) {
    OutputStream frames =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0 || cancelled) {
              return;
            }
            try {
              outgoing.put(frame(type, Arrays.copyOfRange(b, off, off + len), len));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new InterruptedIOException("interrupted while writing to the client");
            }
          }
        };
    return new PrintWriter(frames, true, StandardCharsets.UTF_8);
  }

  /**
   * The command's standard input: asks the client for it on the first read, then hands over what
   * the client sends; an empty frame is its end.
   */
  private final class StdinPipe extends InputStream {
    private byte[] current = new byte[0];
    private int position;
    private boolean asked;
    private boolean ended;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      while (!ended && position == current.length) {
        if (!asked) {
          asked = true;
          try {
            outgoing.put(frame(Frames.WANTS_STDIN, new byte[0], 0));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while asking for standard input");
          }
        }
        try {
          current = stdin.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted while reading standard input");
        }
        position = 0;
        ended = current.length == 0;
      }
      if (ended) {
        return -1;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }
  }
}
