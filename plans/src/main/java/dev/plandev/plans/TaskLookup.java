package dev.plandev.plans;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves what a user typed to one task: an exact id first, then a unique text fragment.
 *
 * <p>Fragments compare against the task text ignoring case, accents, Markdown emphasis and code
 * marks, so {@code "etape 1 configurer"} finds {@code **Étape 1** Configurer}, typed on any
 * keyboard. When several tasks contain the fragment but exactly one equals it, that one wins.
 */
final class TaskLookup {
  private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");

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
    String marks = text.replace("**", "").replace("__", "").replace("`", "").strip();
    return DIACRITICS
        .matcher(Normalizer.normalize(marks, Normalizer.Form.NFD))
        .replaceAll("")
        .toLowerCase(Locale.ROOT);
  }
}
