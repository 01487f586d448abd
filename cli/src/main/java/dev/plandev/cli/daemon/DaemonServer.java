package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The resident process behind {@code plandev daemon start}: it listens on a Unix domain socket in
 * the user's {@link DaemonFolder}, runs the command lines its {@link RequestPolicy} accepts with
 * engines kept open in an {@link EnginePool}, answers status and stop requests, and stops by itself
 * after {@code idleTimeout} without a request.
 *
 * <p>Stopping closes the socket first (a client that comes later runs its command itself), waits
 * for the running commands to end, then closes the engines and removes the socket and info files.
 */
final class DaemonServer {
  private final DaemonFolder folder;
  private final DaemonInfo info;
  private final CommandRunner runner;
  private final Environment environment;
  private final Clock clock;
  private final Duration idleTimeout;
  private final RequestPolicy policy;
  private final EnginePool engines = new EnginePool();
  private final PrintStream log;
  private final ServerSocketChannel server;
  private final ExecutorService sessions =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "plandev-session");
            t.setDaemon(true);
            return t;
          });
  private final CountDownLatch stopped = new CountDownLatch(1);

  private int running;
  private long served;
  private long declined;
  private Instant lastActivity;
  private boolean stopping;

  private DaemonServer(
      DaemonFolder folder,
      DaemonInfo info,
      CommandRunner runner,
      Environment environment,
      Clock clock,
      Duration idleTimeout,
      PrintStream log,
      ServerSocketChannel server) {
    this.folder = folder;
    this.info = info;
    this.runner = runner;
    this.environment = environment;
    this.clock = clock;
    this.idleTimeout = idleTimeout;
    this.log = log;
    this.server = server;
    this.policy = new RequestPolicy(environment.variables(), info::jarChanged);
    this.lastActivity = clock.instant();
  }

  /**
   * Binds the socket in {@code folder} (secured first) and writes the info file.
   *
   * @param environment the daemon's own environment: its variables are those the JVM started with
   * @throws DaemonException when another daemon already answers there, or the socket cannot be
   *     bound
   */
  static DaemonServer bind(
      DaemonFolder folder,
      DaemonInfo info,
      CommandRunner runner,
      Environment environment,
      Clock clock,
      Duration idleTimeout,
      PrintStream log) {
    folder.secured();
    if (DaemonClient.answers(folder)) {
      throw new DaemonException(
          "a daemon already runs in " + folder.path() + "; plandev daemon status tells more");
    }
    try {
      Files.deleteIfExists(folder.socket()); // left by a daemon that did not stop cleanly
      ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      channel.bind(UnixDomainSocketAddress.of(folder.socket()));
      try {
        Files.setPosixFilePermissions(
            folder.socket(), PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // no POSIX permissions here: the folder's own protection is what there is
      }
      info.write(folder.info());
      return new DaemonServer(folder, info, runner, environment, clock, idleTimeout, log, channel);
    } catch (IOException e) {
      throw new DaemonException(
          "cannot listen on " + folder.socket() + " (" + e.getMessage() + ")", e);
    }
  }

  /** Accepts connections until the daemon stops; each is served on a thread of its own. */
  void serve() {
    log.println(clock.instant() + " listening on " + folder.socket() + " (pid " + info.pid() + ")");
    while (true) {
      SocketChannel connection;
      try {
        connection = server.accept();
      } catch (ClosedChannelException e) {
        return; // stop() closed it
      } catch (IOException e) {
        log.println(clock.instant() + " cannot accept a connection: " + e.getMessage());
        continue;
      }
      sessions.execute(() -> session(connection));
    }
  }

  /** Blocks until the daemon stopped. */
  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops when no command ran for the idle timeout; returns whether it stopped. Called on a period
   * by the daemon's process, and by tests with a clock they move.
   */
  boolean stopIfIdle() {
    synchronized (this) {
      if (stopping || running > 0 || clock.instant().isBefore(lastActivity.plus(idleTimeout))) {
        return false;
      }
    }
    log.println(clock.instant() + " idle for " + idleTimeout + ": stopping");
    stop();
    return true;
  }

  /**
   * Stops taking requests, waits for the running ones to end, then closes the engines and removes
   * the socket and the info file. Returns once the daemon stopped; a second call just waits.
   */
  void stop() {
    synchronized (this) {
      if (stopping) {
        awaitQuietly();
        return;
      }
      stopping = true;
    }
    try {
      server.close();
    } catch (IOException e) {
      log.println(clock.instant() + " closing the socket: " + e.getMessage());
    }
    synchronized (this) {
      while (running > 0) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    engines.close();
    try {
      Files.deleteIfExists(folder.socket());
      Files.deleteIfExists(folder.info());
    } catch (IOException e) {
      log.println(clock.instant() + " removing " + folder.path() + " files: " + e.getMessage());
    }
    log.println(clock.instant() + " stopped after " + served + " requests");
    log.flush();
    sessions.shutdown();
    stopped.countDown();
  }

  private void awaitQuietly() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What {@code plandev daemon status} shows, one {@code name: value} a line. */
  synchronized String status() {
    return "pid: "
        + info.pid()
        + "\nsince: "
        + info.started()
        + "\njar: "
        + info.jar()
        + (info.jarChanged() ? " (changed since: the next request stops the daemon)" : "")
        + "\njava: "
        + info.java()
        + "\nsocket: "
        + folder.socket()
        + "\nrequests served: "
        + served
        + "\nrequests declined: "
        + declined
        + "\nrunning now: "
        + running
        + "\nengines opened: "
        + engines.opened()
        + "\nidle timeout: "
        + idleTimeout
        + "\n";
  }

  private void session(SocketChannel connection) {
    try (connection) {
      InputStream in = SocketStreams.in(connection);
      OutputStream out = SocketStreams.out(connection);
      Frames.Frame first = Frames.read(in);
      if (first == null) {
        return;
      }
      switch (first.type()) {
        case Frames.STATUS -> {
          Frames.writeText(out, Frames.STDOUT, status());
          Frames.writeCode(out, Frames.EXIT, 0);
        }
        case Frames.STOP -> {
          log.println(clock.instant() + " asked to stop");
          stop();
          Frames.writeCode(out, Frames.EXIT, 0);
        }
        case Frames.REQUEST -> request(Request.parse(first.strings()), in, out);
        default -> Frames.writeText(out, Frames.DECLINED, "unknown frame type " + first.type());
      }
    } catch (IOException e) {
      log.println(clock.instant() + " a client connection failed: " + e.getMessage());
    }
  }

  private void request(Request request, InputStream in, OutputStream out) throws IOException {
    RequestPolicy.Decision decision = policy.decide(request);
    if (decision.serve() && !begin()) {
      decision = RequestPolicy.Decision.decline("the daemon is stopping");
    }
    if (!decision.serve()) {
      synchronized (this) {
        declined++;
      }
      Frames.writeText(out, Frames.DECLINED, decision.reason());
      if (decision.stopDaemon()) {
        log.println(clock.instant() + " " + decision.reason() + ": stopping");
        sessions.execute(this::stop);
      }
      return;
    }
    RequestRun run = new RequestRun(request, in, out, runner, engines, environment);
    boolean[] ended = {false};
    try {
      run.run(
          () -> {
            if (run.cancelled()) {
              engines
                  .close(); // an interrupt may have broken what an engine holds: reopen next time
            }
            ended[0] = true;
            end();
          });
    } finally {
      if (!ended[0]) {
        end();
      }
    }
  }

  private synchronized boolean begin() {
    if (stopping) {
      return false;
    }
    running++;
    lastActivity = clock.instant();
    return true;
  }

  private synchronized void end() {
    running--;
    served++;
    lastActivity = clock.instant();
    notifyAll();
  }
}
