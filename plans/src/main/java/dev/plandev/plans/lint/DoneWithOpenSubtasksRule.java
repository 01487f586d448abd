package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.TaskState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code done-with-open-subtasks}: a checked task with subtasks still open, in progress or blocked.
 * Either the box was ticked too early or the subtasks were dropped without saying so; deferred and
 * cancelled subtasks are fine under a done task.
 */
final class DoneWithOpenSubtasksRule implements LintRule {
  private static final int LISTED = 5;

  @Override
  public void check(PlanDocument plan, Findings findings) {
    Map<Task, List<Task>> children = new IdentityHashMap<>();
    for (Task task : plan.tasks()) {
      task.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(task));
    }
    for (Task task : plan.tasks()) {
      if (task.state() != TaskState.DONE) {
        continue;
      }
      List<Task> open = new ArrayList<>();
      collectOpen(children, task, open);
      if (open.isEmpty()) {
        continue;
      }
      List<String> ids = open.stream().limit(LISTED).map(Task::id).toList();
      findings.add(
          task.line(),
          "done-with-open-subtasks",
          Severity.WARNING,
          "task "
              + task.id()
              + " is checked but "
              + open.size()
              + " subtask(s) are not done: "
              + String.join(", ", ids)
              + (open.size() > LISTED ? ", …" : ""),
          "check the subtasks, tag the dropped ones #status:cancelled, or uncheck the task");
    }
  }

  private static void collectOpen(Map<Task, List<Task>> children, Task task, List<Task> into) {
    for (Task sub : children.getOrDefault(task, List.of())) {
      if (sub.state().workable() || sub.state() == TaskState.BLOCKED) {
        into.add(sub);
      }
      collectOpen(children, sub, into);
    }
  }
}
