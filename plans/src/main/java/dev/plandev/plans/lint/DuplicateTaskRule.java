package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code duplicate-task}: two tasks with the same text, either two top-level tasks anywhere in the
 * plan or two sub-tasks of the same task. Usually a copy-paste slip; it also makes the task
 * impossible to find by its text.
 *
 * <p>Sub-tasks repeated under different tasks ("Étape 3 : Tests", "Conditions préalables : …") are
 * the plan's structure, not duplicates, and are not reported.
 */
final class DuplicateTaskRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    Map<String, Task> seen = new HashMap<>();
    for (Task task : plan.tasks()) {
      String text = task.text().replace("**", "").strip().toLowerCase(Locale.ROOT);
      if (text.isEmpty()) {
        continue;
      }
      String scope = task.parent().map(Task::positionalId).orElse("");
      String key = scope + "\u0000" + text;
      Task first = seen.putIfAbsent(key, task);
      if (first != null && !Objects.equals(first, task)) {
        findings.add(
            task.line(),
            "duplicate-task",
            Severity.WARNING,
            "task '" + task.text() + "' repeats line " + first.line(),
            "remove the copy or tell the two tasks apart");
      }
    }
  }
}
