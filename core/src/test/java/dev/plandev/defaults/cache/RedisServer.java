package dev.plandev.defaults.cache;

import dev.plandev.defaults.testing.Services;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A redis-server of the test's own on a free loopback port, without persistence, that a test may
 * kill, pause and restart without disturbing the machine's Redis.
 */
final class RedisServer implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/redis-server");

  final int port;
  private Process process;

  private RedisServer(int port) {
    this.port = port;
  }

  /** Starts one on a free port, or skips (fails in CI) without redis-server. */
  static RedisServer start() throws IOException {
    Services.require(
        Files.isExecutable(BINARY),
        BINARY + " is absent; install it with apt-get install redis-server");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RedisServer r = new RedisServer(port);
    r.restart();
    return r;
  }

  /** Starts the server again on the same port (empty: nothing is saved). */
  void restart() throws IOException {
    process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--port",
                    Integer.toString(port),
                    "--bind",
                    "127.0.0.1",
                    "--enable-debug-command",
                    "local"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    Process started = process;
    try {
      // Nothing tells when redis-server listens: ask until it answers or has died.
      Awaitility.await("redis-server on port " + port)
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> !started.isAlive() || Services.reachable("127.0.0.1", port));
    } catch (ConditionTimeoutException e) {
      throw new IOException("redis-server did not start on port " + port, e);
    }
    if (!started.isAlive()) {
      throw new IOException("redis-server exited at start on port " + port);
    }
  }

  /** SIGKILL: the server vanishes with everything it held. */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    process.waitFor();
  }

  /** SIGSTOP or SIGCONT: the server keeps its data but stops (or resumes) answering. */
  void signal(String name) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
    p.waitFor();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.toHandle().destroyForcibly();
      process.toHandle().onExit().join();
    }
  }
}
