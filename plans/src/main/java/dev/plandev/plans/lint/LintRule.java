package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;

/** One check over a whole plan. */
interface LintRule {
  void check(PlanDocument plan, Findings findings);
}
