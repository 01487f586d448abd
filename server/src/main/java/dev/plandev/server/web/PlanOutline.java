package dev.plandev.server.web;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.lint.LintFinding;
import dev.plandev.plans.metadata.TaskState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a plan page shows of a plan: its section tree with each section's progress, its own tasks
 * and the lint findings on its lines; each task with the findings on its line.
 */
final class PlanOutline {
  /** A task as shown: its line identifies it in a toggle, with the version of the page. */
  record TaskRow(
      String id,
      String text,
      int line,
      int depth,
      boolean checked,
      String state,
      List<LintFinding> findings) {}

  /** A section as shown, with its subsections. */
  record SectionNode(
      String id,
      String title,
      int line,
      int done,
      int total,
      int percent,
      List<TaskRow> tasks,
      List<LintFinding> findings,
      List<SectionNode> children) {}

  private PlanOutline() {}

  /** The root section of {@code plan} as shown, with {@code findings} placed on their lines. */
  static SectionNode of(PlanDocument plan, List<LintFinding> findings) {
    Map<Integer, List<LintFinding>> byLine =
        findings.stream().collect(Collectors.groupingBy(LintFinding::line));
    return node(plan.root(), byLine);
  }

  private static SectionNode node(Section s, Map<Integer, List<LintFinding>> byLine) {
    List<TaskRow> tasks = new ArrayList<>();
    java.util.Set<Integer> taskLines = new java.util.HashSet<>();
    for (Task t : s.tasks()) {
      taskLines.add(t.line());
      tasks.add(
          new TaskRow(
              t.id(),
              t.text(),
              t.line(),
              t.depth(),
              t.checked(),
              label(t.state()),
              byLine.getOrDefault(t.line(), List.of())));
    }
    // Findings on the section's own lines that are not a task's: the heading, a progress line.
    List<LintFinding> own = new ArrayList<>();
    int last = s.ownEndLine();
    for (int line = s.line(); line <= last; line++) {
      if (!taskLines.contains(line)) {
        own.addAll(byLine.getOrDefault(line, List.of()));
      }
    }
    List<SectionNode> children = new ArrayList<>();
    for (Section c : s.children()) {
      children.add(node(c, byLine));
    }
    return new SectionNode(
        s.id(),
        s.isRoot() ? "" : s.title(),
        s.line(),
        s.progress().done(),
        s.progress().total(),
        s.progress().wholePercent(),
        tasks,
        own,
        children);
  }

  static String label(TaskState state) {
    return state.label();
  }
}
