package dev.plandev.plans.effort;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.ResolvedDependency;
import dev.plandev.plans.metadata.Effort;
import dev.plandev.plans.metadata.TaskState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Effort and blocked tasks of a plan, per section: each section's {@link EffortTally} covers its
 * own tasks and those of its subsections, like its progress.
 *
 * <p>Each task adds its own effort tag; a parent task and its subtasks are separate tasks, as they
 * are in done/total. A task is blocked when it is not done, counted (not cancelled or deferred),
 * and either tagged {@code #status:blocked} or waiting on a dependency that is not done or
 * cancelled (or cannot be found).
 */
public final class PlanEffort {
  private final Map<Section, EffortTally> tallies = new IdentityHashMap<>();
  private final List<BlockedTask> blocked = new ArrayList<>();
  private final EffortTally total;

  private PlanEffort(PlanDocument plan, DependencyGraph graph) {
    Map<Task, Boolean> isBlocked = new IdentityHashMap<>();
    for (Task task : plan.tasks()) {
      String reason = blockedReason(task, graph);
      if (reason != null) {
        blocked.add(new BlockedTask(task, reason));
        isBlocked.put(task, true);
      }
    }
    total = tally(plan.root(), isBlocked);
  }

  /** The effort of {@code graph}'s plan; dependencies are resolved through {@code graph}. */
  public static PlanEffort of(DependencyGraph graph) {
    return new PlanEffort(graph.plan(), graph);
  }

  /** The whole plan's tally. */
  public EffortTally total() {
    return total;
  }

  /** The tally of {@code section} and its subsections (the root: the whole plan). */
  public EffortTally of(Section section) {
    return tallies.getOrDefault(section, EffortTally.NONE);
  }

  /** Blocked tasks in document order. */
  public List<BlockedTask> blocked() {
    return List.copyOf(blocked);
  }

  private EffortTally tally(Section section, Map<Task, Boolean> isBlocked) {
    long all = 0;
    long done = 0;
    int unestimated = 0;
    int blockedHere = 0;
    for (Task task : section.tasks()) {
      if (!task.state().counted()) {
        continue;
      }
      Effort effort = task.metadata().effort().orElse(null);
      if (effort == null) {
        unestimated++;
      } else {
        all += effort.minutes();
        done += task.state() == TaskState.DONE ? effort.minutes() : 0;
      }
      blockedHere += isBlocked.containsKey(task) ? 1 : 0;
    }
    EffortTally sum = new EffortTally(new Effort(all), new Effort(done), unestimated, blockedHere);
    for (Section child : section.children()) {
      sum = sum.plus(tally(child, isBlocked));
    }
    tallies.put(section, sum);
    return sum;
  }

  private static String blockedReason(Task task, DependencyGraph graph) {
    TaskState state = task.state();
    if (state == TaskState.DONE || !state.counted()) {
      return null;
    }
    List<String> waits = new ArrayList<>();
    if (!task.metadata().dependencies().isEmpty()) {
      for (ResolvedDependency d : graph.dependenciesOf(task)) {
        if (!d.satisfied()) {
          waits.add(d.dependency() + (d.task() == null ? " (missing)" : ""));
        }
      }
    }
    String waiting = waits.isEmpty() ? null : "waits for " + String.join(", ", waits);
    if (state == TaskState.BLOCKED) {
      return waiting == null ? "#status:blocked" : "#status:blocked; " + waiting;
    }
    return waiting;
  }

  @Override
  public String toString() {
    return total
        + " blocked "
        + blocked.stream().map(b -> b.task().id()).collect(Collectors.joining(","));
  }
}
