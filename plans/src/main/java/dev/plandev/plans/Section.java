package dev.plandev.plans;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A heading of a plan and everything up to the next heading of the same or a higher level.
 *
 * <p>The root section stands for the whole plan: level 0, empty id, the plan's title, and the lines
 * before the first real section. A plan whose only level-1 heading comes first uses that heading as
 * its title, so its {@code ##} headings are the top-level sections.
 */
public final class Section {
  private final String id;
  private final String numbering;
  private final String title;
  private final int level;
  private final int line;
  private final Section parent;
  private final List<Section> children = new ArrayList<>();
  private final List<Task> tasks = new ArrayList<>();
  private int endLine;
  private Progress progress = Progress.NONE;
  private int setAside;

  Section(String id, String numbering, String title, int level, int line, Section parent) {
    this.id = id;
    this.numbering = numbering;
    this.title = title;
    this.level = level;
    this.line = line;
    this.parent = parent;
  }

  /** The numbering when unique in the plan ({@code 2.1.3}), otherwise {@code h} + rank. */
  public String id() {
    return id;
  }

  /** Numbering read from the heading ({@code ### 2.1 …} → {@code 2.1}), or empty. */
  public String numbering() {
    return numbering;
  }

  /** Heading text as written (Markdown source), without the {@code #} markers. */
  public String title() {
    return title;
  }

  /** Heading level 1–6; 0 for the root. */
  public int level() {
    return level;
  }

  /** 1-based line of the heading; for the root, the title line or 0 when it has none. */
  public int line() {
    return line;
  }

  /** Last line of the section, subsections included. */
  public int endLine() {
    return endLine;
  }

  /** Line where this section's own text ends: before the first subsection, or the end. */
  public int ownEndLine() {
    return children.isEmpty() ? endLine : children.get(0).line() - 1;
  }

  /** Whether this is the root that stands for the whole plan. */
  public boolean isRoot() {
    return parent == null;
  }

  /** The enclosing section; null for the root. */
  public Section parent() {
    return parent;
  }

  /** Direct subsections in document order. */
  public List<Section> children() {
    return Collections.unmodifiableList(children);
  }

  /** Tasks whose innermost section is this one, in document order. */
  public List<Task> tasks() {
    return Collections.unmodifiableList(tasks);
  }

  /**
   * Done and total tasks of this section and all its subsections; cancelled and deferred tasks are
   * not counted (see {@link #setAside()}).
   */
  public Progress progress() {
    return progress;
  }

  /** Cancelled and deferred tasks of this section and its subsections, left out of progress. */
  public int setAside() {
    return setAside;
  }

  /** Titles from the top-level section down to this one (empty for the root). */
  public List<String> path() {
    List<String> path = new ArrayList<>();
    for (Section s = this; s != null && !s.isRoot(); s = s.parent) {
      path.add(0, s.title);
    }
    return path;
  }

  void addChild(Section child) {
    children.add(child);
  }

  void addTask(Task task) {
    tasks.add(task);
  }

  void endAt(int line) {
    this.endLine = line;
  }

  /** Sums the tasks bottom-up; called once when the tree is complete. */
  Progress computeProgress() {
    int done = 0;
    int counted = 0;
    int aside = 0;
    for (Task task : tasks) {
      if (task.state().counted()) {
        counted++;
        done += task.checked() ? 1 : 0;
      } else {
        aside++;
      }
    }
    Progress sum = new Progress(done, counted);
    for (Section child : children) {
      sum = sum.plus(child.computeProgress());
      aside += child.setAside;
    }
    this.progress = sum;
    this.setAside = aside;
    return sum;
  }

  @Override
  public String toString() {
    return (id.isEmpty() ? "" : id + " ") + title + " " + progress;
  }
}
