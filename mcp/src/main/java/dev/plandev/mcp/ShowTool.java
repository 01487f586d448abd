package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.ResolvedDependency;
import dev.plandev.plans.dependency.TaskOverview;
import dev.plandev.plans.metadata.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan_show}: one task with its state, tags, subtasks, what it depends on and what depends
 * on it — the CLI's {@code show}, both reading {@link TaskOverview}.
 *
 * <p>Dependencies in other plans are read only under the roots, as {@code plan_next} does. Lists
 * are cut at {@value #MAX_LISTED} entries with a count of the rest, so a task with a huge subtree
 * cannot flood the answer.
 */
final class ShowTool implements PlandevTool {
  static final int MAX_LISTED = 30;
  private static final int TEXT = 160;
  private static final int PATH_PART = 40;

  private final PlanRoots roots;

  ShowTool(PlanRoots roots) {
    this.roots = roots;
  }

  @Override
  public String name() {
    return "plan_show";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    PlanDocument plan = PlanDocument.parse(roots.existing(args.string("plan")));
    Task task = plan.task(args.string("task"));
    TaskOverview overview = TaskOverview.of(DependencyGraph.confined(plan, roots::contains), task);
    String file = roots.relative(plan.path());
    List<String> path = task.section().path().stream().map(p -> Texts.clip(p, PATH_PART)).toList();

    StringBuilder text = new StringBuilder(line(task)).append('\n');
    text.append("  ").append(file).append(" line ").append(task.line());
    if (!path.isEmpty()) {
      text.append(" · ").append(String.join(" > ", path));
    }
    text.append("\n  state: ").append(task.state().label());
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : task.metadata().tags()) {
      tags.putIfAbsent(tag.key(), tag.value());
    }
    if (!tags.isEmpty()) {
      text.append(" · tags:");
      tags.forEach((k, v) -> text.append(' ').append(k).append(':').append(v));
    }
    text.append('\n');

    List<Object> subtasks = new ArrayList<>();
    if (!overview.subtasks().isEmpty()) {
      text.append("  subtasks: ")
          .append(overview.subtasksDone())
          .append('/')
          .append(overview.subtasks().size())
          .append(" done\n");
      for (Task sub : first(overview.subtasks())) {
        text.append("  ".repeat(1 + sub.depth() - task.depth())).append(line(sub)).append('\n');
        subtasks.add(row(sub));
      }
      notShown(overview.subtasks(), text);
    }
    List<Object> dependsOn = new ArrayList<>();
    if (!overview.dependencies().isEmpty()) {
      text.append("  depends on:\n");
      for (ResolvedDependency d : first(overview.dependencies())) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ref", d.dependency().toString());
        if (d.task() == null) {
          text.append("    ").append(d.dependency()).append(" missing: ").append(d.problem());
          row.put("missing", d.problem());
        } else {
          String in = d.dependency().plan() == null ? "" : d.dependency().plan() + "#";
          text.append("    ").append(in).append(line(d.task()));
          row.put("state", d.task().state().label());
          row.put("text", Texts.clip(d.task().text(), TEXT));
        }
        text.append('\n');
        dependsOn.add(row);
      }
      notShown(overview.dependencies(), text);
    }
    List<Object> neededBy = new ArrayList<>();
    if (!overview.dependents().isEmpty()) {
      text.append("  needed by:\n");
      for (Task t : first(overview.dependents())) {
        text.append("    ").append(line(t)).append('\n');
        neededBy.add(row(t));
      }
      notShown(overview.dependents(), text);
    }

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", file);
    out.put("id", task.id());
    out.put("text", Texts.clip(task.text(), TEXT));
    out.put("line", task.line());
    out.put("state", task.state().label());
    out.put("section", path);
    out.put("tags", tags);
    out.put("subtasksDone", overview.subtasksDone());
    out.put("subtasks", subtasks);
    out.put("dependsOn", dependsOn);
    out.put("neededBy", neededBy);
    return new ToolAnswer(text.toString(), out);
  }

  private static <T> List<T> first(List<T> items) {
    return items.subList(0, Math.min(MAX_LISTED, items.size()));
  }

  private static void notShown(List<?> items, StringBuilder text) {
    if (items.size() > MAX_LISTED) {
      text.append("    (+").append(items.size() - MAX_LISTED).append(" not shown)\n");
    }
  }

  private static Map<String, Object> row(Task t) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", t.id());
    row.put("text", Texts.clip(t.text(), TEXT));
    row.put("state", t.state().label());
    return row;
  }

  private static String line(Task t) {
    return t.id() + " [" + (t.checked() ? 'x' : ' ') + "] " + Texts.clip(t.text(), TEXT);
  }
}
