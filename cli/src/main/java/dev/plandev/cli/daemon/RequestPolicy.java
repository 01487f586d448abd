package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.GlobalOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Which command lines the daemon runs, in one place. It runs commands that need no terminal and end
 * quickly; it declines the others, and the client then runs the command in a JVM of its own, as
 * without a daemon, so a declined request changes nothing for the person but the time it takes.
 *
 * <p>Declined: the long-running and process-owning commands ({@code serve}, {@code mcp}, {@code
 * watch}, {@code daemon}, {@code backup}, {@code restore}, {@code defaults eval}); the plan-file
 * commands ({@code status}, {@code sync}, {@code check} ...), which open the paths they are given
 * against the process's working directory, which in the daemon is not the client's; {@code new} at
 * a terminal unless it cannot ask anything ({@code --yes}, {@code --list}, {@code --copy-hygen},
 * {@code --help}), since the daemon has no terminal to ask on; {@code --verbose} (its debug logs go
 * to the terminal); a client whose locale, time zone or JVM options differ from those the daemon
 * started with (the JVM reads them once, at start); another protocol version; and every request
 * once the daemon's jar changed on disk, after which the daemon stops.
 */
final class RequestPolicy {
  /** What the daemon does with a request. */
  record Decision(boolean serve, String reason, boolean stopDaemon) {
    static final Decision SERVE = new Decision(true, "", false);

    static Decision decline(String reason) {
      return new Decision(false, reason, false);
    }
  }

  private static final Map<String, String> NEVER =
      Map.of(
          "serve", "a long-running server runs in a JVM of its own",
          "mcp", "a long-running server runs in a JVM of its own",
          "watch", "it runs until stopped",
          "daemon", "it manages the daemon itself",
          "backup", "backups and restores run in a JVM of their own",
          "restore", "backups and restores run in a JVM of their own");

  /**
   * Commands that open relative paths against the process's working directory (Java's, which the
   * daemon cannot change per request) rather than the one of the run's environment.
   */
  private static final Set<String> PROCESS_RELATIVE_PATHS =
      Set.of(
          "status", "sync", "check", "uncheck", "next", "show", "add", "tag", "find", "lint",
          "report", "history");

  /** Options of {@code new} with which it never asks a question. */
  private static final Set<String> NEW_WITHOUT_QUESTIONS =
      Set.of("--yes", "-y", "--list", "--copy-hygen", "--help", "-h");

  /**
   * Environment variables the JVM reads once at start: the locale (default language, file name
   * encoding), the time zone, and the launcher's JVM options.
   */
  static final List<String> START_VARIABLES =
      List.of("LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TZ", "PLANDEV_JAVA_OPTS");

  private final Map<String, String> startEnvironment;
  private final BooleanSupplier jarChanged;

  /**
   * @param startEnvironment the daemon's own environment variables
   * @param jarChanged whether the daemon's jar changed on disk since it started
   */
  RequestPolicy(Map<String, String> startEnvironment, BooleanSupplier jarChanged) {
    this.startEnvironment = startEnvironment;
    this.jarChanged = jarChanged;
  }

  Decision decide(Request request) {
    if (request.protocol() != Frames.PROTOCOL) {
      return Decision.decline(
          "the client speaks protocol " + request.protocol() + ", the daemon " + Frames.PROTOCOL);
    }
    if (jarChanged.getAsBoolean()) {
      return new Decision(false, "the plandev jar changed since the daemon started", true);
    }
    List<String> args = request.args();
    String command = GlobalOptions.commandName(args.toArray(String[]::new));
    if (command != null && NEVER.containsKey(command)) {
      return Decision.decline(command + ": " + NEVER.get(command));
    }
    if (command != null && PROCESS_RELATIVE_PATHS.contains(command)) {
      return Decision.decline(
          command + " opens plan paths against the JVM's working directory, not the client's");
    }
    int at = command == null ? -1 : args.indexOf(command);
    if ("defaults".equals(command) && at + 1 < args.size() && args.get(at + 1).equals("eval")) {
      return Decision.decline("defaults eval runs long and shows progress at a terminal");
    }
    if (args.contains("--verbose")) {
      return Decision.decline("--verbose shows debug logs on the terminal");
    }
    if ("new".equals(command)
        && request.terminal()
        && args.stream().noneMatch(NEW_WITHOUT_QUESTIONS::contains)) {
      return Decision.decline("new may ask questions at the terminal");
    }
    Optional<String> differs =
        START_VARIABLES.stream()
            .filter(v -> !Objects.equals(request.variables().get(v), startEnvironment.get(v)))
            .findFirst();
    if (differs.isPresent()) {
      return Decision.decline(
          differs.get() + " differs from the daemon's; the JVM reads it when it starts");
    }
    return Decision.SERVE;
  }
}
