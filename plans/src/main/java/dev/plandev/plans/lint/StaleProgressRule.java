package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.progress.ProgressLine;
import dev.plandev.plans.progress.ProgressSync;

/** {@code stale-progress}: a progress line disagrees with the tasks of its section. */
final class StaleProgressRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    for (ProgressLine line : ProgressSync.staleLines(plan)) {
      String scope = line.section().isRoot() ? "the plan" : "section " + line.section().id();
      findings.add(
          line.line(),
          "stale-progress",
          Severity.ERROR,
          "progress says "
              + line.stated()
              + " but "
              + scope
              + " has "
              + line.actual().done()
              + "/"
              + line.actual().total()
              + " tasks done ("
              + line.expected()
              + ")",
          "run plandev sync " + findings.file());
    }
  }
}
