package dev.plandev.plans.search;

import dev.plandev.plans.Task;
import java.nio.file.Path;

/**
 * A task that a search found, and the file it is in.
 *
 * @param file the plan file, as the search was given it
 * @param task the task
 */
public record TaskMatch(Path file, Task task) {
  /** {@code file:line id text}, the form editors and terminals jump to. */
  @Override
  public String toString() {
    return file + ":" + task.line() + " " + task.id() + " " + task.text();
  }
}
