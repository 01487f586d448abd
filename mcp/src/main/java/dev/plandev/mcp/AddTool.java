package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.Task;
import dev.plandev.plans.edit.TaskAppend;
import dev.plandev.plans.edit.TaskTags;
import dev.plandev.plans.progress.ProgressSync;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan_add}: appends an open task at the end of a section's tasks, optionally tagged, and
 * rewrites the progress lines it makes stale — the CLI's {@code add}.
 *
 * <p>The task is written like the section's last task (indent, marker, next number) by {@link
 * TaskAppend}; every other line keeps its bytes. The edit goes through {@link PlanEdits}: the
 * file's lock and the check that the bytes parsed are still on disk.
 */
final class AddTool implements PlandevTool {
  private static final int TEXT = 160;

  private final PlanRoots roots;
  private final PlanEdits edits;

  AddTool(PlanRoots roots, PlanEdits edits) {
    this.roots = roots;
    this.edits = edits;
  }

  @Override
  public String name() {
    return "plan_add";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    Access.requireWrite(caller, name());
    String given = args.string("plan");
    String section = args.string("section");
    String words = args.string("text");
    if (words.indexOf('\n') >= 0 || words.indexOf('\r') >= 0) {
      throw new InvalidArgumentException(
          "plan_add argument 'text' must be one line; add subtasks as tasks of their own");
    }
    List<TaskTags.Change> tags = args.strings("tags").stream().map(TaskTags.Change::parse).toList();
    return edits.apply(roots.existing(given), plan -> add(plan, section, words, tags));
  }

  private PlanFileEdit.Change<ToolAnswer> add(
      PlanDocument plan, String section, String words, List<TaskTags.Change> tags) {
    String sectionId = SectionLookup.find(plan, section).id();
    TaskAppend.Appended appended = TaskAppend.append(plan, sectionId, words);
    PlanDocument edited = TaskTags.apply(appended.plan(), appended.task(), tags);
    int synced = ProgressSync.staleLines(edited).size();
    edited = ProgressSync.sync(edited);
    int line = appended.task().line();
    Task added = edited.tasks().stream().filter(t -> t.line() == line).findFirst().orElseThrow();
    String file = roots.relative(plan.path());
    String text =
        String.format(
            "%s: added %s [ ] %s (line %d); %d progress line%s rewritten; now %s%n",
            file,
            added.id(),
            Texts.clip(added.text(), TEXT),
            added.line(),
            synced,
            synced == 1 ? "" : "s",
            Texts.progress(edited.progress()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", file);
    out.put("id", added.id());
    out.put("line", added.line());
    out.put("text", Texts.clip(added.text(), TEXT));
    out.put("progressLinesRewritten", synced);
    out.put("done", edited.progress().done());
    out.put("total", edited.progress().total());
    return new PlanFileEdit.Change<>(edited, new ToolAnswer(text, out));
  }
}
