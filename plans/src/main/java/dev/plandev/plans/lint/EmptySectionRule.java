package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;

/** {@code empty-section}: a heading with nothing under it, not even a subsection. */
final class EmptySectionRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    for (Section section : plan.sections()) {
      if (!section.children().isEmpty()) {
        continue;
      }
      boolean empty = true;
      for (int line = section.line() + 1; line <= section.endLine() && empty; line++) {
        String text = plan.line(line).strip();
        empty = text.isEmpty() || isRule(text);
      }
      if (empty) {
        findings.add(
            section.line(),
            "empty-section",
            Severity.WARNING,
            "section '" + section.title() + "' has no content",
            "add its tasks or remove the heading");
      }
    }
  }

  /** A thematic break ({@code ---}, {@code ***}) separates sections; it is not content. */
  private static boolean isRule(String text) {
    return text.matches("([-*_])(\\s*\\1){2,}");
  }
}
