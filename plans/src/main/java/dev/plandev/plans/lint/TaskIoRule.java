package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code missing-task-io}: in a plan that details its tasks with {@code Entrées}, {@code Sorties}
 * and {@code Conditions préalables} sub-items, a detailed task that lacks some of them.
 *
 * <p>A plan "uses the structure" when at least one task has two of the three. A task is "detailed"
 * when it has one of the three or {@code Étape}/{@code Step} sub-items; plain tasks without
 * sub-items are not expected to carry them.
 */
final class TaskIoRule implements LintRule {
  private static final String[][] PARTS = {
    {"Entrées", "entrees", "inputs", "input"},
    {"Sorties", "sorties", "outputs", "output"},
    {"Conditions préalables", "conditions prealables", "preconditions", "prerequisites"},
  };

  @Override
  public void check(PlanDocument plan, Findings findings) {
    List<Task> tasks = plan.tasks();
    boolean used = tasks.stream().anyMatch(t -> present(t).size() >= 2);
    if (!used) {
      return;
    }
    for (Task task : tasks) {
      List<String> present = present(task);
      if (present.size() == PARTS.length || (present.isEmpty() && !hasSteps(task))) {
        continue;
      }
      List<String> missing = new ArrayList<>();
      for (String[] part : PARTS) {
        if (!present.contains(part[0])) {
          missing.add(part[0]);
        }
      }
      findings.add(
          task.line(),
          "missing-task-io",
          Severity.WARNING,
          "task " + task.id() + " has no " + String.join(", ", missing),
          "add sub-items '" + String.join(" : …', '", missing) + " : …' like the other tasks");
    }
  }

  private static List<String> present(Task task) {
    List<String> found = new ArrayList<>();
    for (String item : task.subItems()) {
      String key = simplify(item);
      for (String[] part : PARTS) {
        for (int i = 1; i < part.length; i++) {
          if (key.startsWith(part[i]) && !found.contains(part[0])) {
            found.add(part[0]);
          }
        }
      }
    }
    return found;
  }

  private static boolean hasSteps(Task task) {
    return task.subItems().stream()
        .map(TaskIoRule::simplify)
        .anyMatch(s -> s.startsWith("etape") || s.startsWith("step"));
  }

  /** Lower case, accents and emphasis removed: "**Entrées** :" → "entrees :". */
  private static String simplify(String text) {
    String plain = text.replace("*", "").replace("_", "").strip();
    return Normalizer.normalize(plain, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }
}
