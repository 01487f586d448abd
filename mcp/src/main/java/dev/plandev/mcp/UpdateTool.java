package dev.plandev.mcp;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.Task;
import dev.plandev.plans.edit.TaskTags;
import dev.plandev.plans.progress.ProgressSync;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code plan_update}: checks, unchecks and tags tasks, then rewrites stale progress lines, in one
 * save.
 *
 * <p>Every task is looked up before anything changes, so one unknown id leaves the file untouched.
 * The whole update runs under the file's lock on the bytes then on disk ({@link PlanEdits}), so a
 * concurrent {@code plandev check} or another client cannot undo it. Toggling a box replaces one
 * character, tagging changes only the task's checkbox line ({@link TaskTags}, as {@code plandev
 * tag}) and syncing replaces only the numbers of progress lines, so the rest of the file keeps its
 * bytes.
 */
final class UpdateTool implements PlandevTool {
  private final PlanRoots roots;
  private final PlanEdits edits;

  UpdateTool(PlanRoots roots, PlanEdits edits) {
    this.roots = roots;
    this.edits = edits;
  }

  @Override
  public String name() {
    return "plan_update";
  }

  @Override
  public ToolAnswer call(Arguments args, McpCaller caller) {
    Access.requireWrite(caller, name());
    String given = args.string("plan");
    List<String> check = args.strings("check");
    List<String> uncheck = args.strings("uncheck");
    Map<String, List<TaskTags.Change>> tags = new LinkedHashMap<>();
    args.stringLists("tag")
        .forEach((task, kv) -> tags.put(task, kv.stream().map(TaskTags.Change::parse).toList()));
    boolean sync = args.bool("sync", true);
    if (check.isEmpty() && uncheck.isEmpty() && tags.isEmpty() && !sync) {
      throw new InvalidArgumentException(
          "plan_update has nothing to do: give check, uncheck, tag, or sync=true");
    }
    Path file = roots.existing(given);
    return edits.apply(file, plan -> update(plan, check, uncheck, tags, sync));
  }

  /** Applies the update to {@code original}, the plan as it is on disk under the file's lock. */
  private PlanFileEdit.Change<ToolAnswer> update(
      PlanDocument original,
      List<String> check,
      List<String> uncheck,
      Map<String, List<TaskTags.Change>> tags,
      boolean sync) {
    Map<Task, Boolean> wanted = new LinkedHashMap<>();
    for (String q : check) {
      wanted.put(original.task(q), true);
    }
    for (String q : uncheck) {
      Task t = original.task(q);
      if (Boolean.TRUE.equals(wanted.get(t))) {
        throw new InvalidArgumentException(
            "task " + t.id() + " is both in check and in uncheck; keep it in one of them");
      }
      wanted.put(t, false);
    }
    Map<Task, List<TaskTags.Change>> tagged = new LinkedHashMap<>();
    tags.forEach((q, changes) -> tagged.put(original.task(q), changes));
    List<String> checked = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    PlanDocument edited = original;
    for (Map.Entry<Task, Boolean> e : wanted.entrySet()) {
      Task t = e.getKey();
      if (t.checked() == e.getValue()) {
        unchanged.add(t.id());
      } else {
        edited = edited.withChecked(t, e.getValue());
        (e.getValue() ? checked : unchecked).add(t.id());
      }
    }
    List<String> retagged = new ArrayList<>();
    for (Map.Entry<Task, List<TaskTags.Change>> e : tagged.entrySet()) {
      // Toggling boxes moves no line, so the task is still on its line in the edited plan.
      int line = e.getKey().line();
      Task now = edited.tasks().stream().filter(t -> t.line() == line).findFirst().orElseThrow();
      PlanDocument next = TaskTags.apply(edited, now, e.getValue());
      (next == edited ? unchanged : retagged).add(now.id());
      edited = next;
    }
    int synced = sync ? ProgressSync.staleLines(edited).size() : 0;
    if (sync) {
      edited = ProgressSync.sync(edited);
    }
    String file = roots.relative(original.path());
    return new PlanFileEdit.Change<>(
        edited, answer(file, edited, new Outcome(checked, unchecked, retagged, unchanged), synced));
  }

  private static ToolAnswer answer(String file, PlanDocument plan, Outcome outcome, int synced) {
    List<String> checked = outcome.checked();
    List<String> unchecked = outcome.unchecked();
    List<String> retagged = outcome.tagged();
    List<String> unchanged = outcome.unchanged();
    List<String> parts = new ArrayList<>();
    if (!checked.isEmpty()) {
      parts.add("checked " + String.join(", ", checked));
    }
    if (!unchecked.isEmpty()) {
      parts.add("unchecked " + String.join(", ", unchecked));
    }
    if (!retagged.isEmpty()) {
      parts.add("tagged " + String.join(", ", retagged));
    }
    if (!unchanged.isEmpty()) {
      parts.add("already so: " + String.join(", ", unchanged));
    }
    parts.add(synced + " progress line" + (synced == 1 ? "" : "s") + " rewritten");
    String text =
        file + ": " + String.join("; ", parts) + "; now " + Texts.progress(plan.progress()) + "\n";
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("plan", file);
    out.put("checked", checked);
    out.put("unchecked", unchecked);
    out.put("tagged", retagged);
    out.put("unchanged", unchanged);
    out.put("progressLinesRewritten", synced);
    out.put("done", plan.progress().done());
    out.put("total", plan.progress().total());
    return new ToolAnswer(text, out);
  }

  /** The ids of the tasks each part of the update touched, and of those it left as they were. */
  private record Outcome(
      List<String> checked, List<String> unchecked, List<String> tagged, List<String> unchanged) {}
}
