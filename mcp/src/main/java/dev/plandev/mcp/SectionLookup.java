package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Finds the section an agent named: its id ({@code 2.1}, {@code h7}) or a unique title fragment.
 */
final class SectionLookup {
  private static final int SHOWN = 8;

  private SectionLookup() {}

  static Section find(PlanDocument plan, String query) {
    String wanted = query.strip();
    for (Section s : plan.sections()) {
      if (s.id().equals(wanted)) {
        return s;
      }
    }
    String needle = plain(wanted);
    List<Section> matches =
        plan.sections().stream().filter(s -> plain(s.title()).contains(needle)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    List<Section> exact = matches.stream().filter(s -> plain(s.title()).equals(needle)).toList();
    if (exact.size() == 1) {
      return exact.get(0);
    }
    if (matches.isEmpty()) {
      throw new McpToolException(
          "no section '"
              + query
              + "' in "
              + plan.name()
              + "; give a section id or title fragment shown by plan_status");
    }
    String shown =
        matches.stream()
            .limit(SHOWN)
            .map(s -> s.id() + " " + Texts.clip(s.title(), 50))
            .collect(Collectors.joining("; "));
    throw new McpToolException(
        "'"
            + query
            + "' matches "
            + matches.size()
            + " sections in "
            + plan.name()
            + ": "
            + shown
            + (matches.size() > SHOWN ? "; …" : "")
            + "; give the section id");
  }

  private static String plain(String text) {
    return text.replace("**", "").replace("`", "").strip().toLowerCase(Locale.ROOT);
  }
}
