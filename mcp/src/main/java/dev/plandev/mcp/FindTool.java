package dev.plandev.mcp;

import dev.plandev.plans.metadata.TaskState;
import dev.plandev.plans.search.TaskMatch;
import dev.plandev.plans.search.TaskQuery;
import dev.plandev.plans.search.TaskQuery.TagCondition;
import dev.plandev.plans.search.TaskSearch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code plan_find}: tasks across the plans under the roots whose text holds some words (case,
 * accents and emphasis ignored), optionally by state and tag — the CLI's {@code find}, both running
 * a {@link TaskQuery}. Each hit is {@code plan:line id text}, the id being what the other tools
 * take.
 */
final class FindTool implements PlandevTool {
  private static final int TEXT = 160;

  private final PlanRoots roots;

  FindTool(PlanRoots roots) {
    this.roots = roots;
  }

  @Override
  public String name() {
    return "plan_find";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    String words = args.optionalString("query").orElse("");
    Set<TaskState> states = EnumSet.noneOf(TaskState.class);
    for (String s : args.strings("status")) {
      states.add(
          TaskState.parse(s)
              .orElseThrow(
                  () ->
                      new InvalidArgumentException(
                          "plan_find argument 'status' takes open, done, in-progress, blocked,"
                              + " deferred or cancelled; got \""
                              + s
                              + "\"")));
    }
    List<TagCondition> tags = new ArrayList<>();
    for (String t : args.strings("tag")) {
      try {
        tags.add(TagCondition.parse(t));
      } catch (IllegalArgumentException e) {
        throw new InvalidArgumentException("plan_find argument 'tag': " + e.getMessage());
      }
    }
    int count = args.integer("count", 20, 1, 100);
    String under = args.optionalString("plan").orElse(null);
    List<Path> files = files(under);

    List<TaskMatch> found = TaskSearch.find(new TaskQuery(words, states, tags), files);
    StringBuilder text = new StringBuilder();
    text.append(found.size())
        .append(found.size() == 1 ? " task" : " tasks")
        .append(" in ")
        .append(files.size())
        .append(files.size() == 1 ? " plan" : " plans")
        .append(found.isEmpty() ? "\n" : ":\n");
    List<Object> matches = new ArrayList<>();
    for (TaskMatch m : found.subList(0, Math.min(count, found.size()))) {
      String file = roots.relative(m.file());
      String clipped = Texts.clip(m.task().text(), TEXT);
      text.append(file)
          .append(':')
          .append(m.task().line())
          .append(' ')
          .append(m.task().id())
          .append(' ')
          .append(clipped)
          .append('\n');
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("plan", file);
      row.put("line", m.task().line());
      row.put("id", m.task().id());
      row.put("text", clipped);
      row.put("state", m.task().state().label());
      matches.add(row);
    }
    if (found.size() > count) {
      text.append("(+")
          .append(found.size() - count)
          .append(" not shown; raise count or narrow with plan, status or tag)\n");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("found", found.size());
    out.put("plans", files.size());
    out.put("matches", matches);
    return new ToolAnswer(text.toString(), out);
  }

  /** The plan files under the roots, or under the plan or folder {@code under} names. */
  private List<Path> files(String under) {
    List<Path> all = new ArrayList<>(roots.plans().values());
    if (under == null) {
      return all;
    }
    Path real = roots.folder(under);
    List<Path> within = all.stream().filter(p -> p.startsWith(real)).toList();
    if (within.isEmpty()) {
      throw new McpToolException(
          "no plan file at or under '"
              + under
              + "' in the plan roots; give a plan or folder path as resources/list shows them,"
              + " or leave plan out to search every plan");
    }
    return within;
  }
}
