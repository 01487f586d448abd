package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.NextTasks;
import dev.plandev.plans.dependency.TaskFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan_next}: the tasks of a plan or section that can start now — open, not blocked or
 * deferred, every dependency done — by priority then document order, with id and section path. The
 * choice is the CLI's {@code next}: both ask {@link NextTasks}.
 */
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
    NextTasks next =
        NextTasks.of(
            DependencyGraph.confined(plan, roots::contains),
            new TaskFilter(null, null, null, within));
    List<Task> open = next.ready();
    String file = roots.relative(plan.path());

    StringBuilder text = new StringBuilder();
    if (candidates.isEmpty()) {
      text.append("no tasks in ").append(file).append('\n');
    } else if (next.remaining() == 0) {
      text.append("all ").append(candidates.size()).append(" tasks are done in ").append(file);
      text.append('\n');
    } else {
      text.append(next.summary()).append(" in ").append(file).append(":\n");
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
    out.put("ready", open.size());
    out.put("open", next.remaining());
    out.put("waiting", next.waiting());
    out.put("held", next.held());
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
