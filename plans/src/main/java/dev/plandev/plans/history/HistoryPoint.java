package dev.plandev.plans.history;

import dev.plandev.plans.Progress;
import dev.plandev.plans.metadata.Effort;
import java.time.Instant;

/**
 * The plan as one commit left it.
 *
 * @param time the commit's date (the committer's)
 * @param commit the abbreviated commit id
 * @param path the plan's path in the repository at that commit (it changes across renames)
 * @param progress done and total tasks
 * @param remaining effort of the tasks not done, from their {@code #time:} tags
 */
public record HistoryPoint(
    Instant time, String commit, String path, Progress progress, Effort remaining) {

  /** Tasks not done yet. */
  public int remainingTasks() {
    return progress.total() - progress.done();
  }
}
