package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.markdown.UnclosedFence;

/**
 * {@code unclosed-fence}: a code block that is never closed turns the rest of the plan into code,
 * so its tasks vanish from progress (GitHub renders it the same way). The usual cause is a line
 * such as {@code ```plaintext} meant to close one block and open the next: a closing fence takes no
 * info string.
 */
final class UnclosedFenceRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    for (UnclosedFence fence : plan.unclosedFences()) {
      int swallowed = fence.endLine() - fence.line();
      if (fence.lookalikeLine() > 0) {
        findings.add(
            fence.lookalikeLine(),
            "unclosed-fence",
            Severity.ERROR,
            "'"
                + plan.line(fence.lookalikeLine()).strip()
                + "' does not close the code block opened on line "
                + fence.line()
                + " (a closing fence takes no language); "
                + swallowed
                + " lines up to line "
                + fence.endLine()
                + " are code, not plan",
            "put a bare ``` on its own line to close the block before opening the next one");
      } else {
        findings.add(
            fence.line(),
            "unclosed-fence",
            Severity.ERROR,
            "code block opened here is never closed; "
                + swallowed
                + " lines up to line "
                + fence.endLine()
                + " are code, not plan",
            "close the block with a ``` line");
      }
    }
  }
}
