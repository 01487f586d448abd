package dev.plandev.plans.effort;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.ResolvedDependency;
import dev.plandev.plans.metadata.Effort;
import dev.plandev.plans.metadata.TaskState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The longest chain of remaining effort through {@code #depends:} links: the tasks that set the
 * earliest date a plan can be finished, however many people work on it.
 *
 * <p>Only remaining tasks take part: open, in progress or blocked (done tasks cost nothing more,
 * cancelled and deferred ones are not to be done). A task's weight is its effort; a task without
 * one weighs nothing but can still link a chain. Chains follow dependencies into other plans when
 * their files can be read ({@code other.md#2.1}); a missing task ends a chain.
 *
 * <p>Algorithm: a depth-first search from each remaining task of the plan computes, once per task,
 * the heaviest chain ending with it: its own effort plus the heaviest chain among its remaining
 * dependencies. A dependency that is already on the search path closes a cycle; that link is not
 * followed (the cycle is reported in {@link #cycles()}), so the search always ends. Ties go to the
 * chain with more tasks, then to the task first in the document.
 *
 * @param steps the chain in the order it has to be worked, first task first; empty when no task
 *     remains
 * @param total the chain's summed effort
 * @param cycles dependency cycles through the plan's tasks, which the path cannot go round
 */
public record CriticalPath(List<Step> steps, Effort total, List<List<Task>> cycles) {
  /**
   * One task of the path.
   *
   * @param task the task
   * @param plan the plan holding it (another plan for a cross-plan dependency)
   * @param effort its effort (none when untagged)
   * @param blocked whether it is tagged {@code #status:blocked}
   */
  public record Step(Task task, PlanDocument plan, Effort effort, boolean blocked) {}

  /** Copies the lists. */
  public CriticalPath {
    steps = List.copyOf(steps);
    cycles = List.copyOf(cycles);
  }

  /** The critical path of {@code graph}'s plan. */
  public static CriticalPath of(DependencyGraph graph) {
    Search search = new Search(graph);
    Chain best = null;
    for (Task task : graph.plan().tasks()) {
      if (!remaining(task)) {
        continue;
      }
      Chain chain = search.heaviest(task);
      if (best == null || chain.beats(best)) {
        best = chain;
      }
    }
    List<Step> steps = new ArrayList<>();
    for (Chain c = best; c != null; c = c.next) {
      Task t = c.task;
      steps.add(new Step(t, graph.planOf(t), effortOf(t), t.state() == TaskState.BLOCKED));
    }
    Collections.reverse(steps);
    Effort total = best == null ? Effort.NONE : new Effort(best.minutes);
    return new CriticalPath(steps, total, graph.cycles());
  }

  /** Whether some task of the path is tagged blocked: the plan cannot finish until it is freed. */
  public boolean blocked() {
    return steps.stream().anyMatch(Step::blocked);
  }

  static boolean remaining(Task task) {
    TaskState state = task.state();
    return state != TaskState.DONE && state.counted();
  }

  private static Effort effortOf(Task task) {
    return task.metadata().effort().orElse(Effort.NONE);
  }

  /**
   * The heaviest chain ending with {@code task}: its minutes, number of tasks, and the dependency
   * it continues from ({@code next}, toward the start of the work).
   */
  private record Chain(Task task, long minutes, int length, Chain next) {
    boolean beats(Chain other) {
      if (minutes != other.minutes) {
        return minutes > other.minutes;
      }
      return length > other.length;
    }
  }

  /** One search over a graph, remembering each task's heaviest chain. */
  private static final class Search {
    private final DependencyGraph graph;
    private final Map<Task, Chain> known = new IdentityHashMap<>();
    private final Map<Task, Boolean> onPath = new IdentityHashMap<>();

    Search(DependencyGraph graph) {
      this.graph = graph;
    }

    Chain heaviest(Task task) {
      Chain done = known.get(task);
      if (done != null) {
        return done;
      }
      onPath.put(task, true);
      Chain best = null;
      if (!task.metadata().dependencies().isEmpty()) {
        for (ResolvedDependency d : graph.dependenciesOf(task)) {
          Task before = d.task();
          if (before == null || !remaining(before) || onPath.containsKey(before)) {
            continue;
          }
          Chain chain = heaviest(before);
          if (best == null || chain.beats(best)) {
            best = chain;
          }
        }
      }
      onPath.remove(task);
      long own = effortOf(task).minutes();
      Chain chain =
          best == null
              ? new Chain(task, own, 1, null)
              : new Chain(task, own + best.minutes, best.length + 1, best);
      known.put(task, chain);
      return chain;
    }
  }
}
