package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.config.DurationText;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plandev daemon start}: launches the daemon as a detached JVM (the same java, classpath and
 * JVM options as this one, with the C2 compiler, which pays off in a process that lives long) and
 * returns once it answers.
 */
@Command(
    name = "start",
    description = {
      "Start the daemon in the background; it stops by itself after --idle-timeout without a"
          + " request, or with plandev daemon stop.",
      "Its log is daemon.log in its folder (plandev daemon status names it)."
    },
    mixinStandardHelpOptions = true)
final class StartCommand implements Callable<Integer> {
  /** How long {@code start} waits for the new daemon to answer before it says it failed. */
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  @Spec CommandSpec spec;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "3h",
      description =
          "Stop after this long without a request: 30m, 3h, 1d (default: ${DEFAULT-VALUE})")
  String idleTimeout;

  private final String mainClass;

  StartCommand(String mainClass) {
    this.mainClass = mainClass;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Duration idle;
    try {
      idle = DurationText.parse(idleTimeout);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--idle-timeout: " + e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    DaemonFolder folder = DaemonCommand.folder(spec).secured();
    Optional<String> running = DaemonClient.status(folder);
    if (running.isPresent()) {
      out.println("a plandev daemon already runs");
      out.print(running.get());
      out.flush();
      return 0;
    }
    ProcessBuilder builder = new ProcessBuilder(command(folder, idle));
    // The daemon's environment is the one this command was given: the locale and options it
    // starts with are those it compares each client's with.
    builder.environment().clear();
    builder.environment().putAll(Invocation.of(spec).environment().variables());
    Process process =
        builder
            .directory(folder.path().toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.log().toFile()))
            .redirectErrorStream(true)
            .start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!DaemonClient.answers(folder)) {
      if (!process.isAlive() && !DaemonClient.answers(folder)) {
        throw new DaemonException(
            "the daemon did not start (exit code "
                + process.exitValue()
                + "); its log "
                + folder.log()
                + " says why:\n"
                + lastLines(folder.log()));
      }
      if (System.nanoTime() > deadline) {
        throw new DaemonException(
            "the daemon did not answer within "
                + START_TIMEOUT.toSeconds()
                + " s; see its log "
                + folder.log());
      }
      Thread.sleep(20);
    }
    out.println(
        "plandev daemon started (pid "
            + DaemonInfo.read(folder.info()).map(DaemonInfo::pid).orElse(process.pid())
            + "), listening on "
            + folder.socket()
            + "; it stops after "
            + DurationText.format(idle)
            + " without a request, or with: plandev daemon stop");
    out.flush();
    return 0;
  }

  /** The daemon's command line: this JVM's java and options, without the short-run ones. */
  private List<String> command(DaemonFolder folder, Duration idle) {
    List<String> cmd = new ArrayList<>();
    // Its own session: Ctrl-C in the terminal that started it does not reach it.
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        cmd.add(setsid);
        break;
      }
    }
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-XX:TieredStopAtLevel")
          && !option.startsWith("-XX:ArchiveClassesAtExit")
          && !option.startsWith("-Dplandev.training")
          && !option.startsWith("-agentlib")
          && !option.startsWith("-javaagent")) {
        cmd.add(option);
      }
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.add(folder.path().toString());
    cmd.add(idle.toString());
    return cmd;
  }

  private static String lastLines(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "(cannot read it: " + e.getMessage() + ")";
    }
  }
}
