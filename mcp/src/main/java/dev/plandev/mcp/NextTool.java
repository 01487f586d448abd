package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code plan_next}: the first open tasks of a plan or section, with id and section path. */
final class NextTool implements PlandevTool {
  private static final int TEXT = 160;
  private static final int PATH_PART = 40;

  private final PlanRoots roots;

  NextTool(PlanRoots roots) {
    this.roots = roots;
  }

  @Override
  public String name() {
    return "plan_next";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    PlanDocument plan = PlanDocument.parse(roots.existing(args.string("plan")));
    int count = args.integer("count", 5, 1, 50);
    Section within =
        args.optionalString("section").map(s -> SectionLookup.find(plan, s)).orElse(plan.root());
    List<Task> candidates =
        plan.tasks().stream().filter(t -> within.isRoot() || inside(t.section(), within)).toList();
    List<Task> open = candidates.stream().filter(t -> !t.checked()).toList();
    String file = roots.relative(plan.path());

    StringBuilder text = new StringBuilder();
    if (open.isEmpty()) {
      text.append(
          candidates.isEmpty()
              ? "no tasks in " + file
              : "all " + candidates.size() + " tasks are done in " + file);
      text.append('\n');
    } else {
      text.append(open.size()).append(" open of ").append(candidates.size()).append(" in ");
      text.append(file).append(":\n");
    }
    List<Object> tasks = new ArrayList<>();
    for (Task t : open.subList(0, Math.min(count, open.size()))) {
      List<String> path = t.section().path().stream().map(p -> Texts.clip(p, PATH_PART)).toList();
      text.append(t.id()).append(' ').append(Texts.clip(t.text(), TEXT));
      if (!path.isEmpty()) {
        text.append(" — ").append(String.join(" > ", path));
      }
      text.append(" (line ").append(t.line()).append(")\n");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id());
      row.put("text", Texts.clip(t.text(), TEXT));
      row.put("line", t.line());
      row.put("section", path);
      tasks.add(row);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", file);
    out.put("open", open.size());
    out.put("total", candidates.size());
    out.put("tasks", tasks);
    return new ToolAnswer(text.toString(), out);
  }

  private static boolean inside(Section section, Section ancestor) {
    for (Section s = section; s != null; s = s.parent()) {
      if (s == ancestor) {
        return true;
      }
    }
    return false;
  }
}
