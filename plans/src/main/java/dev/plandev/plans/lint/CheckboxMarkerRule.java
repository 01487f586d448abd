package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code odd-checkbox}: a list item that starts like a task but whose box holds a symbol instead of
 * a space or {@code x} — {@code [✅]}, {@code [~]}, {@code [-]}, {@code []}. GitHub renders no
 * checkbox for it and plandev does not count it as a task. Boxes with letters or digits ({@code
 * [1]}, {@code [A]}) are references or labels and are left alone.
 */
final class CheckboxMarkerRule implements LintRule {
  private static final Pattern ITEM_BOX =
      Pattern.compile("^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\[([^\\]\\p{L}\\p{N}]{0,3})\\](?!\\()");

  @Override
  public void check(PlanDocument plan, Findings findings) {
    for (int line = 1; line <= plan.lineCount(); line++) {
      String text = plan.line(line);
      if (text.indexOf('[') < 0) {
        continue;
      }
      Matcher m = ITEM_BOX.matcher(text);
      if (!m.find() || m.group(1).equals(" ") || plan.isCode(line)) {
        continue;
      }
      findings.add(
          line,
          "odd-checkbox",
          Severity.WARNING,
          "'[" + m.group(1) + "]' is not a checkbox, so this item is not counted as a task",
          "write [ ] for an open task or [x] for a done one; say more with #status:…");
    }
  }
}
