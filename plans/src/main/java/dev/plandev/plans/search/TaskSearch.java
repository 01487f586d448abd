package dev.plandev.plans.search;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a {@link TaskQuery} over plan files, in the order given, tasks in document order. */
public final class TaskSearch {
  private TaskSearch() {}

  /** The tasks of {@code files} that {@code query} matches. */
  public static List<TaskMatch> find(TaskQuery query, List<Path> files) {
    List<TaskMatch> found = new ArrayList<>();
    for (Path file : files) {
      for (Task task : PlanDocument.parse(file).tasks()) {
        if (query.matches(task)) {
          found.add(new TaskMatch(file, task));
        }
      }
    }
    return found;
  }
}
