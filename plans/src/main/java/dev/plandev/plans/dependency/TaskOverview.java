package dev.plandev.plans.dependency;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code show} tells about one task beyond its own line: its subtasks at every depth,
 * what it depends on and which tasks of its plan depend on it. The CLI and the MCP server both
 * render it, so they cannot disagree on what a task needs.
 *
 * @param task the task
 * @param subtasks the tasks nested under it, depth first in document order
 * @param dependencies its {@code #depends:} references, resolved, in the order written
 * @param dependents the tasks of its plan that depend on it, in document order
 */
public record TaskOverview(
    Task task, List<Task> subtasks, List<ResolvedDependency> dependencies, List<Task> dependents) {

  /** Copies the lists. */
  public TaskOverview {
    subtasks = List.copyOf(subtasks);
    dependencies = List.copyOf(dependencies);
    dependents = List.copyOf(dependents);
  }

  /** The overview of {@code task}, a task of {@code graph}'s plan. */
  public static TaskOverview of(DependencyGraph graph, Task task) {
    List<Task> subtree = new ArrayList<>();
    collect(graph.plan(), task, subtree);
    return new TaskOverview(task, subtree, graph.dependenciesOf(task), graph.dependentsOf(task));
  }

  /** How many of the subtasks are checked. */
  public long subtasksDone() {
    return subtasks.stream().filter(Task::checked).count();
  }

  private static void collect(PlanDocument plan, Task task, List<Task> into) {
    for (Task sub : plan.subtasks(task)) {
      into.add(sub);
      collect(plan, sub, into);
    }
  }
}
