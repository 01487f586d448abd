package dev.plandev.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves what a user typed to one task: an exact id first, then a unique text fragment.
 *
 * <p>Fragments compare case-insensitively against the task text with Markdown emphasis and code
 * marks removed, so {@code "configurer qdrant"} finds {@code **1.1.1** Configurer Qdrant}. When
 * several tasks contain the fragment but exactly one equals it, that one wins.
 */
final class TaskLookup {
  private TaskLookup() {}

  static Task find(PlanDocument plan, Map<String, Task> byId, String query) {
    String wanted = query.strip();
    Task byItsId = byId.get(wanted);
    if (byItsId != null) {
      return byItsId;
    }
    List<Task> tasks = plan.tasks();
    String needle = plain(wanted);
    List<Task> matches = new ArrayList<>();
    for (Task task : tasks) {
      if (!needle.isEmpty() && plain(task.text()).contains(needle)) {
        matches.add(task);
      }
    }
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw new TaskNotFoundException(query, plan.name());
    }
    List<Task> exact = matches.stream().filter(t -> plain(t.text()).equals(needle)).toList();
    if (exact.size() == 1) {
      return exact.get(0);
    }
    throw new AmbiguousTaskException(query, plan.name(), matches);
  }

  private static String plain(String text) {
    return text.replace("**", "")
        .replace("__", "")
        .replace("`", "")
        .strip()
        .toLowerCase(Locale.ROOT);
  }
}
