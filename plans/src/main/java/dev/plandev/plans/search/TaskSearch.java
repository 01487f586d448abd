package dev.plandev.plans.search;

import dev.plandev.plans.PlanDocument;
import java.nio.file.Path;
import java.util.List;

/** Runs a {@link TaskQuery} over plan files, in the order given, tasks in document order. */
public final class TaskSearch {
  private TaskSearch() {}

  /**
   * The tasks of {@code files} that {@code query} matches. Files are read and parsed in parallel
   * (parsing is most of a search over many plans); the matches keep the order of the files.
   */
  public static List<TaskMatch> find(TaskQuery query, List<Path> files) {
    return files.parallelStream()
        .flatMap(
            file ->
                PlanDocument.parse(file).tasks().stream()
                    .filter(query::matches)
                    .map(task -> new TaskMatch(file, task)))
        .toList();
  }
}
