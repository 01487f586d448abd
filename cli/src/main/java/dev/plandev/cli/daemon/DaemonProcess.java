package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.defaults.config.DurationText;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The body of the daemon's JVM ({@code plandev daemon start} launches it): binds the socket, serves
 * until stopped or idle, and exits.
 */
public final class DaemonProcess {
  private DaemonProcess() {}

  /**
   * Runs the daemon with {@code args} = the daemon folder and the idle timeout, each command line
   * run by {@code runner}; returns the process's exit code.
   */
  public static int run(String[] args, CommandRunner runner) {
    if (args.length != 2) {
      System.err.println("usage: DaemonProcess FOLDER IDLE_TIMEOUT (plandev daemon start runs it)");
      return 2;
    }
    Clock clock = Clock.systemUTC();
    Duration idle = DurationText.parse(args[1]);
    DaemonServer server;
    try {
      DaemonInfo info = DaemonInfo.ofThisProcess(codeLocation(), clock.instant());
      server =
          DaemonServer.bind(
              new DaemonFolder(Path.of(args[0])),
              info,
              runner,
              Environment.system(),
              clock,
              idle,
              System.err);
    } catch (DaemonException | IOException e) {
      System.err.println("plandev daemon: " + e.getMessage());
      return 1;
    }
    Thread idleCheck =
        new Thread(
            () -> {
              long period = Math.max(100, Math.min(idle.toMillis() / 10, 30_000));
              try {
                while (!server.stopIfIdle()) {
                  Thread.sleep(period);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "plandev-idle-check");
    idleCheck.setDaemon(true);
    idleCheck.start();
    // kill PID (SIGTERM) stops it as plandev daemon stop does: running commands end first.
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "plandev-daemon-stop"));
    server.serve();
    try {
      server.awaitStopped();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  /** The jar (or classes folder) this code was loaded from. */
  static Path codeLocation() throws IOException {
    try {
      return Path.of(
          DaemonProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      throw new IOException("cannot tell which jar plandev runs from", e);
    }
  }
}
