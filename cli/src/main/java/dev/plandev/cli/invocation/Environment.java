package dev.plandev.cli.invocation;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may read from the world: environment variables, working directory, clock, standard
 * streams and whether a person is at a terminal. Tests pass their own.
 *
 * @param variables environment variables ({@code System.getenv()} in production)
 * @param workingDir where relative paths and {@code plandev.json} are looked up
 * @param clock the time of every timestamp a command writes
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param terminal true when a person is at a terminal (prompts allowed, logs to stderr)
 */
public record Environment(
    Map<String, String> variables,
    Path workingDir,
    Clock clock,
    InputStream in,
    PrintWriter out,
    PrintWriter err,
    boolean terminal) {

  /** The real process environment. */
  public static Environment system() {
    return new Environment(
        System.getenv(),
        Path.of("").toAbsolutePath(),
        Clock.systemUTC(),
        System.in,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        System.console() != null);
  }

  /**
   * The OS user's name from {@code USER} (Unix) or {@code USERNAME} (Windows), else {@code
   * fallback}.
   */
  public String user(String fallback) {
    return variables.getOrDefault("USER", variables.getOrDefault("USERNAME", fallback));
  }

  /** A relative path taken against the working directory. */
  public Path resolve(Path p) {
    return p.isAbsolute() ? p : workingDir.resolve(p).normalize();
  }
}
