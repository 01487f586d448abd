package dev.plandev.plans;

import dev.plandev.plans.markdown.TaskItem;
import dev.plandev.plans.metadata.TaskMetadata;
import dev.plandev.plans.metadata.TaskState;
import java.util.List;
import java.util.Optional;

/**
 * A task item of a plan: a {@code - [ ]} or {@code 1. [x]} list item outside code.
 *
 * <p>Its {@link #id()} is the task's own leading number when it has a unique one ({@code - [ ]
 * **2.1.3** …} has id {@code 2.1.3}), otherwise its section's id and its rank among the tasks of
 * that section ({@code 2.1#4}, {@code #2} for tasks before the first section). The positional form
 * always works as an alias.
 */
public final class Task {
  private final String id;
  private final String positionalId;
  private final String label;
  private final String text;
  private final boolean checked;
  private final int line;
  private final int depth;
  private final int boxOffset;
  private final Section section;
  private final Task parent;
  private final List<String> subItems;
  private final TaskMetadata metadata;
  private final TaskState state;

  Task(String id, String positionalId, String label, TaskItem item, Section section, Task parent) {
    this.id = id;
    this.positionalId = positionalId;
    this.label = label;
    this.text = item.text();
    this.checked = item.checked();
    this.line = item.line();
    this.depth = item.depth();
    this.boxOffset = item.boxOffset();
    this.section = section;
    this.parent = parent;
    this.subItems = List.copyOf(item.childItems());
    this.metadata = TaskMetadata.parse(text);
    this.state = TaskState.of(checked, metadata);
  }

  /** Stable id, e.g. {@code 2.1.3} or {@code 2.1#4}. */
  public String id() {
    return id;
  }

  /** Id made of the section id and the rank in the section, e.g. {@code 2.1#4}. */
  public String positionalId() {
    return positionalId;
  }

  /** The task's leading number, e.g. {@code 1.2.3} for {@code **Tâche 1.2.3**: …}. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** Markdown source of the task after its checkbox, continuation lines joined by a space. */
  public String text() {
    return text;
  }

  /** Whether the box is checked ({@code [x]} or {@code [X]}). */
  public boolean checked() {
    return checked;
  }

  /** 1-based line of the checkbox. */
  public int line() {
    return line;
  }

  /** Number of list items that enclose this one (0 for a top-level item). */
  public int depth() {
    return depth;
  }

  /** The innermost section holding this task. */
  public Section section() {
    return section;
  }

  /** The nearest enclosing task, if this task is nested under one. */
  public Optional<Task> parent() {
    return Optional.ofNullable(parent);
  }

  /**
   * First-line texts of the list items directly under this task, checkboxes removed (used to see
   * whether a task spells out its inputs, outputs and preconditions).
   */
  public List<String> subItems() {
    return subItems;
  }

  /** The {@code #key:value} tags in the task's text. */
  public TaskMetadata metadata() {
    return metadata;
  }

  /** Open, done, or what its {@code #status:} tag says (in progress, blocked, …). */
  public TaskState state() {
    return state;
  }

  int boxOffset() {
    return boxOffset;
  }

  @Override
  public String toString() {
    return id + " [" + (checked ? 'x' : ' ') + "] " + text;
  }
}
