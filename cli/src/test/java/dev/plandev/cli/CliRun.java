package dev.plandev.cli;

import dev.plandev.cli.invocation.Environment;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command tree in-process with captured streams, for tests. */
public final class CliRun {
  /** What one run printed and returned. */
  public record Result(int code, String out, String err) {}

  private final Path workingDir;
  private Path home;
  private String osName = "Linux";
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();
  private String stdin = "";
  private InputStream keyboard;
  private boolean terminal;

  /**
   * Runs in {@code workingDir}, which is also the home folder (unless {@link #home} says another):
   * the per-user data directory is then {@code workingDir/.local/share/plandev}, and the search for
   * the project never leaves the test's folder. No test touches the real home folder.
   */
  public CliRun(Path workingDir) {
    this.workingDir = workingDir;
    this.home = workingDir;
    env.put("USER", "tester");
  }

  /** The home folder of the runs, where the per-user data directory is. */
  public CliRun home(Path folder) {
    this.home = folder;
    return this;
  }

  /** The operating system the runs believe they are on ({@code Linux} unless set). */
  public CliRun os(String name) {
    this.osName = name;
    return this;
  }

  /** The data directory of a run that names none, on Linux without XDG_DATA_HOME. */
  public Path defaultDataDir() {
    return home.resolve(".local/share/plandev");
  }

  public CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CliRun clock(Clock c) {
    this.clock = c;
    return this;
  }

  /** Runs as if a person were at a terminal: logs of level WARN and above go to System.err. */
  public CliRun terminal(boolean atTerminal) {
    this.terminal = atTerminal;
    return this;
  }

  public CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  /**
   * Standard input from a stream the test controls, such as a keyboard that stays open after the
   * typed keys (a terminal ends at the end of its input, before reading what it buffered).
   */
  public CliRun stdin(InputStream in) {
    this.keyboard = in;
    return this;
  }

  /** A command running in a thread of its own, such as {@code serve}. */
  public record Running(Thread thread, AwaitableOutput out, StringWriter err) {
    /**
     * Waits until the output contains {@code text}; fails after {@code patience} or when the
     * command has ended without printing it.
     */
    public String awaitOutput(String text, java.time.Duration patience)
        throws InterruptedException {
      try {
        return out.await(text, patience);
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + " / " + err, e);
      }
    }
  }

  /** Starts a long-running command; interrupt its thread to stop it. */
  public Running start(String... args) {
    Thread[] thread = new Thread[1];
    AwaitableOutput out = new AwaitableOutput(() -> thread[0].isAlive());
    StringWriter err = new StringWriter();
    Environment e = environment("", out, err);
    thread[0] = new Thread(() -> Plandev.run(e, args), "cli-" + args[0]);
    thread[0].start();
    return new Running(thread[0], out, err);
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Plandev.run(environment(stdin, out, err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** This run's environment: its variables, folder, clock and terminal. */
  private Environment environment(String input, StringWriter out, StringWriter err) {
    return new Environment(
        Map.copyOf(env),
        workingDir,
        home,
        osName,
        clock,
        keyboard != null
            ? keyboard
            : new ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        terminal);
  }
}
