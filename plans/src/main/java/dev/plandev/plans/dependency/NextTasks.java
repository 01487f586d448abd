package dev.plandev.plans.dependency;

import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.TaskState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The tasks someone can start now, best first, and how many others are not ready.
 *
 * <p>A task is ready when it is open or in progress and every task it depends on is done or
 * cancelled. Ready tasks are ordered by priority (high, then medium — where untagged tasks rank —
 * then low), then by document order.
 *
 * @param ready tasks that can be started now, best first
 * @param waiting open tasks held back by a dependency that is not done (or does not exist)
 * @param held tasks marked blocked or deferred
 * @param remaining all tasks the filter accepts that are neither done nor cancelled
 */
public record NextTasks(List<Task> ready, int waiting, int held, int remaining) {
  private static final Comparator<Task> BEST_FIRST =
      Comparator.comparing((Task t) -> t.metadata().priorityOrDefault());

  /** The ready tasks of {@code graph}'s plan that {@code filter} accepts. */
  public static NextTasks of(DependencyGraph graph, TaskFilter filter) {
    List<Task> ready = new ArrayList<>();
    int waiting = 0;
    int held = 0;
    int remaining = 0;
    for (Task task : graph.plan().tasks()) {
      TaskState state = task.state();
      if (state == TaskState.DONE || state == TaskState.CANCELLED || !filter.accepts(task)) {
        continue;
      }
      remaining++;
      if (!state.workable()) {
        held++;
      } else if (!graph.dependenciesMet(task)) {
        waiting++;
      } else {
        ready.add(task);
      }
    }
    // List.sort is stable, so tasks of equal priority keep their document order.
    ready.sort(BEST_FIRST);
    return new NextTasks(List.copyOf(ready), waiting, held, remaining);
  }

  /**
   * One line on what is not ready, e.g. {@code 3 ready of 7 open; 2 wait on dependencies, 2 blocked
   * or deferred}.
   */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(ready.size()).append(" ready of ").append(remaining).append(" open");
    if (waiting > 0) {
      out.append("; ").append(waiting).append(" wait on dependencies");
    }
    if (held > 0) {
      out.append("; ").append(held).append(" blocked or deferred");
    }
    return out.toString();
  }
}
