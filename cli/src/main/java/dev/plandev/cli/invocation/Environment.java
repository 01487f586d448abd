package dev.plandev.cli.invocation;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may read from the world: environment variables, working directory, the user's home
 * folder and operating system, clock, standard streams and whether a person is at a terminal. Tests
 * pass their own, so that no test reads or writes the real home folder.
 *
 * @param variables environment variables ({@code System.getenv()} in production)
 * @param workingDir where relative paths are taken from and the project is looked for
 * @param home the user's home folder, under which the per-user data directory is
 * @param osName the operating system's name as Java reports it ({@code Linux}, {@code Mac OS X},
 *     {@code Windows 11}), which decides where per-user data goes
 * @param clock the time of every timestamp a command writes
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param terminal true when a person is at a terminal (prompts allowed, logs to stderr)
 */
public record Environment(
    Map<String, String> variables,
    Path workingDir,
    Path home,
    String osName,
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
        home(System.getenv(), System.getProperty("user.home")),
        System.getProperty("os.name", ""),
        Clock.systemUTC(),
        System.in,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        System.console() != null);
  }

  /**
   * The home folder: {@code $HOME} when it is set to an absolute path, as the shell and the XDG
   * rules see it (Java's {@code user.home} comes from the password database and ignores a changed
   * {@code HOME}), else {@code userHome}.
   */
  public static Path home(Map<String, String> variables, String userHome) {
    String home = variables.get("HOME");
    if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
      return Path.of(home);
    }
    return Path.of(userHome);
  }

  /**
   * The OS user's name from {@code USER} (Unix) or {@code USERNAME} (Windows), else {@code
   * fallback}.
   */
  public String user(String fallback) {
    return variables.getOrDefault("USER", variables.getOrDefault("USERNAME", fallback));
  }

  /**
   * The per-user data directory of this user and operating system, where the learning store goes
   * when nothing names another (see {@code plandev config show}).
   */
  public Path perUserDataDirectory() {
    return DataDirectory.perUser(this);
  }

  /** A relative path taken against the working directory. */
  public Path resolve(Path p) {
    return p.isAbsolute() ? p : workingDir.resolve(p).normalize();
  }
}
