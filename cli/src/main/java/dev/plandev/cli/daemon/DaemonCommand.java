package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.Invocation;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code plandev daemon}: the optional resident process that runs short commands faster. */
@Command(
    name = "daemon",
    description = {
      "A resident process that runs short commands without starting a JVM each time (optional).",
      "While it runs, ./plandev hands it the commands that need no terminal and end quickly (new"
          + " --yes, status, find, report, lint, show, next, check, defaults get ...) through its"
          + " thin client; anything else, or anything it declines, runs as usual.",
      "It listens on a Unix socket in a private folder: $PLANDEV_DAEMON_DIR, else"
          + " $XDG_RUNTIME_DIR/plandev, else daemon/ in the per-user data directory."
    },
    mixinStandardHelpOptions = true)
public final class DaemonCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Adds {@code daemon start|stop|status} to {@code root}; {@code mainClass} runs the daemon. */
  public static void register(CommandLine root, String mainClass) {
    CommandLine daemon = new CommandLine(new DaemonCommand());
    daemon.addSubcommand(new StartCommand(mainClass));
    daemon.addSubcommand(new Stop());
    daemon.addSubcommand(new Status());
    root.addSubcommand(daemon);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static DaemonFolder folder(CommandSpec spec) {
    return DaemonFolder.of(Invocation.of(spec).environment());
  }

  private static String noneRuns(DaemonFolder folder) {
    return "no plandev daemon runs (" + folder.socket() + " does not answer)";
  }

  @Command(
      name = "stop",
      description = "Stop the daemon once its running commands ended (nothing to do if none runs)",
      mixinStandardHelpOptions = true)
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      DaemonFolder folder = folder(spec);
      PrintWriter out = spec.commandLine().getOut();
      out.println(DaemonClient.stop(folder) ? "plandev daemon stopped" : noneRuns(folder));
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "status",
      description = {
        "Say whether a daemon runs: since when, for which jar, how many requests it served.",
        "Exit code 0 when one runs, 1 when none does."
      },
      mixinStandardHelpOptions = true)
  static final class Status implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      DaemonFolder folder = folder(spec);
      PrintWriter out = spec.commandLine().getOut();
      Optional<String> status = DaemonClient.status(folder);
      if (status.isEmpty()) {
        out.println(noneRuns(folder));
        out.flush();
        return 1;
      }
      out.println("plandev daemon runs");
      out.print(status.get());
      out.flush();
      return 0;
    }
  }
}
