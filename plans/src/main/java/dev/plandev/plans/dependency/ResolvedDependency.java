package dev.plandev.plans.dependency;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.Dependency;
import java.util.Optional;

/**
 * A dependency and the task it names, or why no task could be found.
 *
 * @param dependency the reference as written
 * @param plan the plan holding the task (null when the plan could not be read)
 * @param task the task named (null when missing)
 * @param problem why the task is missing, in plain words (null when found)
 */
public record ResolvedDependency(
    Dependency dependency, PlanDocument plan, Task task, String problem) {

  /** The task, when it was found. */
  public Optional<Task> found() {
    return Optional.ofNullable(task);
  }

  /** Whether the task was found and is done or cancelled, so its dependents may start. */
  public boolean satisfied() {
    return task != null && task.state().releasesDependents();
  }
}
