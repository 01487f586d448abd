package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code absolute-path}: a plan that names {@code D:\DO\WEB\…} or {@code /home/jane/…} only works
 * on its author's machine. {@code mixed-separators}: a path such as {@code src\app/main.go} mixes
 * Windows and Unix separators, which breaks on one of them.
 *
 * <p>Absolute paths are reported in code blocks too (a script that does {@code cd D:\…} is just as
 * tied to one machine); mixed separators only outside code, where backslashes in code are mostly
 * escapes. One finding per line and rule.
 */
final class PathRule implements LintRule {
  private static final Pattern WINDOWS =
      Pattern.compile("(?<![\\w/])[A-Za-z]:\\\\[^\\s`'\"<>|*?]+");
  private static final Pattern UNIX =
      Pattern.compile(
          "(?<![\\w.~:/\\\\-])/(?:home|Users|mnt|opt|srv|root|var/www)/[^\\s`'\"<>)\\]]+");
  private static final Pattern PATH_TOKEN =
      Pattern.compile("(?<![\\w:/\\\\])[\\w.~-]+(?:[\\\\/][\\w.-]+){2,}");

  @Override
  public void check(PlanDocument plan, Findings findings) {
    for (int line = 1; line <= plan.lineCount(); line++) {
      String text = plan.line(line);
      if (text.indexOf('/') < 0 && text.indexOf('\\') < 0) {
        continue;
      }
      Matcher windows = WINDOWS.matcher(text);
      Matcher unix = UNIX.matcher(text);
      String absolute = windows.find() ? windows.group() : unix.find() ? unix.group() : null;
      if (absolute != null) {
        findings.add(
            line,
            "absolute-path",
            Severity.WARNING,
            "hard-coded absolute path " + absolute,
            "use a path relative to the repository root (or a variable such as $REPO_ROOT)");
      } else if (!plan.isCode(line)) {
        checkSeparators(text, line, findings);
      }
    }
  }

  private static void checkSeparators(String text, int line, Findings findings) {
    if (text.indexOf('\\') < 0 || text.contains("://")) {
      return;
    }
    Matcher token = PATH_TOKEN.matcher(text);
    while (token.find()) {
      String path = token.group();
      if (path.indexOf('/') >= 0 && path.indexOf('\\') >= 0) {
        findings.add(
            line,
            "mixed-separators",
            Severity.WARNING,
            "path mixes / and \\: " + path,
            "write it with / only; it works on Windows too");
        return;
      }
    }
  }
}
