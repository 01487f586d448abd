package dev.plandev.plans;

import dev.plandev.plans.markdown.Heading;
import dev.plandev.plans.markdown.MarkdownOutline;
import dev.plandev.plans.markdown.TaskItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a Markdown outline into the section tree and tasks of a plan.
 *
 * <p>Sections nest by heading level with a stack (a {@code ####} right under a {@code ##} is a
 * child of it). Every line belongs to the innermost section whose heading precedes it; a task
 * belongs to the section of its checkbox line. Ids are assigned once everything is known, since
 * whether a number is unique depends on the whole plan.
 */
final class PlanStructure {
  final Section root;
  final List<Section> sections = new ArrayList<>();
  final List<Task> tasks = new ArrayList<>();
  final Map<String, Task> tasksById = new HashMap<>();
  private final Section[] sectionByLine;

  private PlanStructure(Section root, int lineCount) {
    this.root = root;
    this.sectionByLine = new Section[lineCount + 2];
  }

  static PlanStructure of(MarkdownOutline outline, String fallbackTitle) {
    List<Heading> headings = outline.headings();
    Heading titleHeading = titleHeading(headings);
    Section root =
        new Section(
            "",
            "",
            titleHeading == null ? fallbackTitle : titleHeading.title(),
            0,
            titleHeading == null ? 0 : titleHeading.line(),
            null);
    int lineCount = outline.lines().count();
    PlanStructure plan = new PlanStructure(root, lineCount);
    plan.buildSections(headings, titleHeading, lineCount);
    plan.buildTasks(outline.tasks());
    root.computeProgress();
    return plan;
  }

  Section sectionAt(int line) {
    if (line < 1 || line >= sectionByLine.length) {
      return root;
    }
    Section s = sectionByLine[line];
    return s == null ? root : s;
  }

  /** The only level-1 heading, when it is also the first heading: the plan's title. */
  private static Heading titleHeading(List<Heading> headings) {
    if (headings.isEmpty() || headings.get(0).level() != 1) {
      return null;
    }
    long h1 = headings.stream().filter(h -> h.level() == 1).count();
    return h1 == 1 ? headings.get(0) : null;
  }

  private void buildSections(List<Heading> headings, Heading titleHeading, int lineCount) {
    Map<String, Integer> numberingUses = new HashMap<>();
    for (Heading h : headings) {
      numberingUses.merge(Numbering.ofHeading(h.title()), 1, Integer::sum);
    }
    List<Section> stack = new ArrayList<>(List.of(root));
    int previousLine = 1;
    for (Heading h : headings) {
      if (h == titleHeading) {
        continue;
      }
      fill(stack.get(stack.size() - 1), previousLine, h.line() - 1);
      while (stack.get(stack.size() - 1).level() >= h.level()) {
        stack.remove(stack.size() - 1).endAt(h.line() - 1);
      }
      String numbering = Numbering.ofHeading(h.title());
      boolean unique = !numbering.isEmpty() && numberingUses.get(numbering) == 1;
      String id = unique ? numbering : "h" + (sections.size() + 1);
      Section parent = stack.get(stack.size() - 1);
      Section section = new Section(id, numbering, h.title(), h.level(), h.line(), parent);
      parent.addChild(section);
      sections.add(section);
      stack.add(section);
      previousLine = h.line();
    }
    fill(stack.get(stack.size() - 1), previousLine, lineCount);
    for (Section open : stack) {
      open.endAt(lineCount);
    }
  }

  private void fill(Section section, int from, int to) {
    for (int line = Math.max(from, 1); line <= to && line < sectionByLine.length; line++) {
      sectionByLine[line] = section;
    }
  }

  private void buildTasks(List<TaskItem> items) {
    Map<String, Integer> labelUses = new HashMap<>();
    List<String> labels = new ArrayList<>(items.size());
    for (TaskItem item : items) {
      String label = Numbering.ofTask(item.text());
      labels.add(label);
      if (label != null) {
        labelUses.merge(label, 1, Integer::sum);
      }
    }
    Map<Section, Integer> rank = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      TaskItem item = items.get(i);
      Section section = sectionAt(item.line());
      int n = rank.merge(section, 1, Integer::sum);
      String positional = section.id() + "#" + n;
      String label = labels.get(i);
      String id = label != null && labelUses.get(label) == 1 ? label : positional;
      Task parent = item.parent() >= 0 ? tasks.get(item.parent()) : null;
      Task task = new Task(id, positional, label, item, section, parent);
      tasks.add(task);
      tasksById.put(id, task);
      tasksById.putIfAbsent(positional, task);
      section.addTask(task);
    }
  }
}
