package dev.plandev.cli.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command of a {@code bash} block of the README, with what its comments promise: the exit code
 * ({@code # exit N}, else 0) and a line of its output ({@code # -> text}, where {@code ...} stands
 * for any text), written after the command or on the comment line right below it.
 *
 * @param line the README line the command starts on (1-based)
 * @param command the command as bash reads it, continuation lines included, comment removed
 * @param exitCode the exit code the README states
 * @param output the output line the README shows, if any
 */
record ReadmeExample(int line, String command, int exitCode, Optional<String> output) {
  private static final Pattern FENCE = Pattern.compile("^\\s*```(\\S*)\\s*$");
  private static final Pattern EXIT = Pattern.compile("^exit (\\d+)\\b");
  private static final String SHOWS = "->";

  /** How the README test treats the command. */
  enum Kind {
    /** Runs to its end; exit code and output are checked. */
    RUN,
    /** Runs until stopped (serve, watch, mcp): started in the background and checked to answer. */
    LONG_RUNNING,
    /** Not run: the build itself, or a benchmark. */
    NOT_RUN
  }

  private static final Pattern PLANDEV_COMMAND =
      Pattern.compile(
          "^\\./plandev(?:\\s+(?:--verbose|(?:--data|--config|-o|--option)\\s+\\S+))*\\s+(\\S+)");

  /** The commands that serve until stopped. */
  private static final List<String> LONG_RUNNING = List.of("serve", "watch", "mcp");

  /**
   * The commands the test does not run, by how they start: {@code mvn} because the test runs inside
   * {@code mvn -B verify} (it would run itself), and the benchmarks because they take minutes and
   * need {@code wrk}.
   */
  private static final Pattern NOT_RUN =
      Pattern.compile(
          "^(?:[A-Z_]+=(?:\"[^\"]*\"|'[^']*'|\\S*)\\s+)*(?:mvn\\s|bench/|java -jar bench/)");

  Kind kind() {
    if (NOT_RUN.matcher(command).find()) {
      return Kind.NOT_RUN;
    }
    Matcher m = PLANDEV_COMMAND.matcher(command);
    return m.find() && LONG_RUNNING.contains(m.group(1)) ? Kind.LONG_RUNNING : Kind.RUN;
  }

  /** The name of the plandev command this runs ({@code serve}, {@code status}), if any. */
  Optional<String> plandevCommand() {
    Matcher m = PLANDEV_COMMAND.matcher(command);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Whether {@code stdout} has a line the README's {@code # -> text} describes (or none is). */
  boolean outputMatches(String stdout) {
    if (output.isEmpty()) {
      return true;
    }
    StringBuilder regex = new StringBuilder();
    String[] parts = output.get().split("\\.\\.\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
    }
    Pattern p = Pattern.compile(regex.toString());
    return stdout.lines().map(String::strip).anyMatch(l -> p.matcher(l).matches());
  }

  /** The commands of every {@code bash} block of {@code markdown}, in order. */
  static List<ReadmeExample> parse(String markdown) {
    List<ReadmeExample> examples = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    boolean inBash = false;
    boolean inOtherFence = false;
    int i = -1;
    while (++i < lines.length) {
      String text = lines[i];
      Matcher fence = FENCE.matcher(text);
      if (fence.matches()) {
        if (inBash || inOtherFence) {
          inBash = false;
          inOtherFence = false;
        } else if (fence.group(1).equals("bash")) {
          inBash = true;
        } else {
          inOtherFence = true;
        }
        continue;
      }
      if (!inBash || text.isBlank()) {
        continue;
      }
      if (text.strip().startsWith("#")) {
        String comment = text.strip().substring(1).strip();
        if (comment.startsWith(SHOWS) && !examples.isEmpty()) {
          ReadmeExample last = examples.remove(examples.size() - 1);
          examples.add(last.showing(comment.substring(SHOWS.length()).strip()));
        }
        continue;
      }
      int start = i;
      StringBuilder command = new StringBuilder();
      while (text.endsWith("\\") && i + 1 < lines.length) {
        command.append(text).append('\n');
        text = lines[++i];
      }
      int hash = commentStart(text);
      command.append(hash < 0 ? text : text.substring(0, hash));
      String comment = hash < 0 ? "" : text.substring(hash + 1).strip();
      examples.add(fromComment(start + 1, command.toString().strip(), comment));
    }
    return examples;
  }

  private static ReadmeExample fromComment(int line, String command, String comment) {
    Matcher exit = EXIT.matcher(comment);
    int code = exit.find() ? Integer.parseInt(exit.group(1)) : 0;
    Optional<String> output =
        comment.startsWith(SHOWS)
            ? Optional.of(comment.substring(SHOWS.length()).strip())
            : Optional.empty();
    return new ReadmeExample(line, command, code, output);
  }

  private ReadmeExample showing(String text) {
    return new ReadmeExample(line, command, exitCode, Optional.of(text));
  }

  /**
   * Where the comment of a shell line starts: a {@code #} at the start of a word, outside quotes;
   * -1 when there is none.
   */
  static int commentStart(String line) {
    char quote = 0;
    boolean wordStart = true;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      // A backslash outside single quotes makes the next character literal: skip both.
      int width = c == '\\' && quote != '\'' ? 2 : 1;
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && wordStart) {
        return i;
      }
      wordStart = quote == 0 && width == 1 && Character.isWhitespace(c);
      i += width;
    }
    return -1;
  }
}
