package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import java.util.Comparator;
import java.util.List;

/**
 * Runs every lint rule over a plan and returns the findings sorted by line.
 *
 * <p>Rules: {@code absolute-path}, {@code mixed-separators}, {@code stale-progress} (error), {@code
 * numbering-duplicate} (error), {@code numbering-gap}, {@code empty-section}, {@code
 * missing-task-io}, {@code duplicate-task}, {@code unclosed-fence} (error), {@code
 * missing-dependency} (error), {@code dependency-cycle} (error), {@code done-with-open-subtasks},
 * {@code unparsed-effort}, {@code status-done-unchecked}, {@code unknown-status}, {@code
 * odd-checkbox}.
 */
public final class Linter {
  private static final List<LintRule> RULES =
      List.of(
          new PathRule(),
          new StaleProgressRule(),
          new NumberingRule(),
          new EmptySectionRule(),
          new TaskIoRule(),
          new DuplicateTaskRule(),
          new UnclosedFenceRule(),
          new DependencyRule(),
          new DoneWithOpenSubtasksRule(),
          new TagValueRule(),
          new CheckboxMarkerRule());

  private Linter() {}

  /** Lints {@code plan}; {@code file} is how findings name it (usually the path as given). */
  public static List<LintFinding> lint(PlanDocument plan, String file) {
    Findings findings = new Findings(file);
    for (LintRule rule : RULES) {
      rule.check(plan, findings);
    }
    List<LintFinding> list = findings.list();
    list.sort(Comparator.comparingInt(LintFinding::line).thenComparing(LintFinding::rule));
    return List.copyOf(list);
  }

  /** Lints {@code plan}, naming it by its path (or name when it has none). */
  public static List<LintFinding> lint(PlanDocument plan) {
    return lint(plan, plan.path() != null ? plan.path().toString() : plan.name());
  }
}
