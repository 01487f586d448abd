package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan_status}: the progress tree of a plan, or of one section, down to a depth.
 *
 * <p>The answer is bounded: at most {@value #MAX_ROWS} sections, titles clipped, and a closing line
 * telling how many were left out and how to see them. Sections carry no percentage in the
 * structured form since done and total give it.
 */
final class StatusTool implements PlandevTool {
  static final int MAX_ROWS = 60;
  private static final int TITLE = 70;
  private static final int DEFAULT_DEPTH = 2;

  private final PlanRoots roots;

  StatusTool(PlanRoots roots) {
    this.roots = roots;
  }

  @Override
  public String name() {
    return "plan_status";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    PlanDocument plan = PlanDocument.parse(roots.existing(args.string("plan")));
    int depth = args.integer("depth", DEFAULT_DEPTH, 0, 6);
    Section top = args.optionalString("section").map(s -> SectionLookup.find(plan, s)).orElse(null);
    Section from = top == null ? plan.root() : top;
    String file = roots.relative(plan.path());

    StringBuilder text = new StringBuilder();
    String title = top == null ? plan.root().title() : label(top);
    text.append(Texts.clip(title, TITLE))
        .append(": ")
        .append(Texts.progress(from.progress()))
        .append(" · ")
        .append(file)
        .append('\n');
    int[] rows = {0};
    int[] hidden = {0};
    List<Object> sections = rows(from.children(), depth, 0, text, rows, hidden);
    if (hidden[0] > 0) {
      text.append("(+")
          .append(hidden[0])
          .append(" sections not shown; pass section or a smaller depth)\n");
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", file);
    out.put("title", title);
    out.put("done", from.progress().done());
    out.put("total", from.progress().total());
    out.put("sections", sections);
    if (hidden[0] > 0) {
      out.put("notShown", hidden[0]);
    }
    return new ToolAnswer(text.toString(), out);
  }

  private static List<Object> rows(
      List<Section> children, int depth, int level, StringBuilder text, int[] rows, int[] hidden) {
    List<Object> list = new ArrayList<>();
    if (level >= depth) {
      return list;
    }
    for (Section s : children) {
      if (rows[0] >= MAX_ROWS) {
        hidden[0] += 1 + count(s.children(), depth, level + 1);
        continue;
      }
      rows[0]++;
      text.append("  ".repeat(level))
          .append(Texts.clip(label(s), TITLE))
          .append(": ")
          .append(Texts.progress(s.progress()))
          .append('\n');
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", s.id());
      row.put("title", Texts.clip(s.title(), TITLE));
      row.put("done", s.progress().done());
      row.put("total", s.progress().total());
      List<Object> sub = rows(s.children(), depth, level + 1, text, rows, hidden);
      if (!sub.isEmpty()) {
        row.put("sections", sub);
      }
      list.add(row);
    }
    return list;
  }

  private static int count(List<Section> children, int depth, int level) {
    if (level >= depth) {
      return 0;
    }
    int n = 0;
    for (Section s : children) {
      n += 1 + count(s.children(), depth, level + 1);
    }
    return n;
  }

  /** The title, prefixed by the id when the title does not already start with it. */
  static String label(Section s) {
    String title = s.title().strip();
    return title.startsWith(s.id()) ? title : s.id() + " " + title;
  }
}
