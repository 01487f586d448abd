package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.TaskState;

/**
 * {@code unparsed-effort}: an effort tag ({@code #time:}, {@code #temps:}, {@code #duration:},
 * {@code #durée:}) whose value is not an amount of work, so effort totals leave the task out;
 * {@code status-done-unchecked}: {@code #status:done} on a task whose box is empty, where the box
 * wins and the task still counts as open; {@code unknown-status}: a {@code #status:} value that
 * names no state, so the task counts as open.
 */
final class TagValueRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    for (Task task : plan.tasks()) {
      if (task.metadata().isEmpty()) {
        continue;
      }
      task.metadata()
          .effortText()
          .filter(v -> task.metadata().effort().isEmpty())
          .ifPresent(
              value ->
                  findings.add(
                      task.line(),
                      "unparsed-effort",
                      Severity.WARNING,
                      "task " + task.id() + " has effort '" + value + "', which is not an amount",
                      "write a number and a unit: 30min, 2h, 1.5d or 3j (a day is 8 hours)"));
      task.metadata()
          .unknownStatus()
          .ifPresent(
              value ->
                  findings.add(
                      task.line(),
                      "unknown-status",
                      Severity.WARNING,
                      "task "
                          + task.id()
                          + " has #status:"
                          + value
                          + ", which is not a status, so it counts as open",
                      "use one of " + TaskState.ACCEPTED));
      boolean saysDone =
          task.metadata().status().flatMap(TaskState::parse).orElse(null) == TaskState.DONE;
      if (saysDone && !task.checked()) {
        findings.add(
            task.line(),
            "status-done-unchecked",
            Severity.WARNING,
            "task " + task.id() + " is tagged #status:done but its box is empty, so it counts open",
            "check the box with plandev check and remove the #status:done tag");
      }
    }
  }
}
