package dev.plandev.plans.dependency;

import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.Priority;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * Which tasks {@code next} considers: all of them, or those of one priority, category, owner or
 * section. Category and owner compare ignoring case and accents ({@code Backend} = {@code
 * backend}).
 *
 * @param priority only tasks of this priority (untagged tasks count as medium), or null
 * @param category only tasks with this category, or null
 * @param owner only tasks with this owner, or null
 * @param section only tasks in this section or its subsections, or null
 */
public record TaskFilter(Priority priority, String category, String owner, Section section) {
  /** Every task. */
  public static final TaskFilter ALL = new TaskFilter(null, null, null, null);

  /** Whether {@code task} passes every condition set. */
  public boolean accepts(Task task) {
    return (priority == null || task.metadata().priorityOrDefault() == priority)
        && same(category, task.metadata().category())
        && same(owner, task.metadata().owner())
        && (section == null || section.isRoot() || inside(task.section()));
  }

  private boolean inside(Section of) {
    for (Section s = of; s != null; s = s.parent()) {
      if (s == section) {
        return true;
      }
    }
    return false;
  }

  private static boolean same(String wanted, Optional<String> actual) {
    return wanted == null || actual.map(a -> plain(a).equals(plain(wanted))).orElse(false);
  }

  private static String plain(String text) {
    String bare = Normalizer.normalize(text.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    return bare.toLowerCase(Locale.ROOT);
  }
}
