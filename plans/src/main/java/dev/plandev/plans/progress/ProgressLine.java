package dev.plandev.plans.progress;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import dev.plandev.plans.TextEdit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line of a plan that states the progress of a section, such as {@code *Progression: 85%*},
 * {@code *Version 1.4 - 2025-05-29 - Progression globale : 85%*}, {@code **Progression**: 100% -
 * *Terminé*}, {@code Progress: 3/9}, {@code - **Statut** : [3/3] - 100% complété} or a heading
 * ending in {@code - 60% complété}.
 *
 * <p>The line belongs to the innermost section it sits in (its text before the first subsection),
 * so a line right under a title is that title's. A "global" line above the first {@code ##} belongs
 * to the whole plan. Only the numbers of the line are ever rewritten; words such as "Terminé" are
 * left as written, since guessing their replacement would change prose.
 */
public final class ProgressLine {
  private final int line;
  private final Section section;
  private final String text;
  private final int lineOffset;
  private final List<NumberSlot> slots;

  ProgressLine(int line, Section section, String text, int lineOffset, List<NumberSlot> slots) {
    this.line = line;
    this.section = section;
    this.text = text;
    this.lineOffset = lineOffset;
    this.slots = List.copyOf(slots);
  }

  /** Every progress line of {@code plan} outside code, in document order. */
  public static List<ProgressLine> findAll(PlanDocument plan) {
    return ProgressLineFinder.findAll(plan);
  }

  /** 1-based line number. */
  public int line() {
    return line;
  }

  /** The section whose progress the line states (the root for the whole plan). */
  public Section section() {
    return section;
  }

  /** The line as written. */
  public String text() {
    return text;
  }

  /** The true progress: the tasks of {@link #section()} and its subsections. */
  public Progress actual() {
    return section.progress();
  }

  /**
   * Whether the line can be checked: its section has tasks. A section without tasks keeps whatever
   * its author wrote, since there is nothing to count it from.
   */
  public boolean applies() {
    return actual().total() > 0;
  }

  /** Whether the line applies and some number on it disagrees with {@link #actual()}. */
  public boolean isStale() {
    return applies() && !edits().isEmpty();
  }

  /** The numbers as written, e.g. {@code 85%} or {@code 3/9 33%}. */
  public String stated() {
    return describe(false);
  }

  /** The numbers as they should be, in the same form as {@link #stated()}. */
  public String expected() {
    return describe(true);
  }

  private String describe(boolean wanted) {
    StringBuilder out = new StringBuilder();
    for (NumberSlot slot : slots) {
      String number = wanted ? slot.render(actual()) : text.substring(slot.start(), slot.end());
      if (slot.kind() == NumberSlot.Kind.PERCENT && out.length() > 0) {
        out.append(' ');
      }
      out.append(number).append(slot.kind().suffix());
    }
    return out.toString();
  }

  /** The line with its numbers made true. */
  public String rewritten() {
    StringBuilder out = new StringBuilder(text);
    for (int i = slots.size() - 1; i >= 0; i--) {
      NumberSlot slot = slots.get(i);
      out.replace(slot.start(), slot.end(), slot.render(actual()));
    }
    return out.toString();
  }

  /** The splices that make the line true: one per number that changes, none when it agrees. */
  public List<TextEdit> edits() {
    List<TextEdit> edits = new ArrayList<>();
    if (!applies()) {
      return edits;
    }
    for (NumberSlot slot : slots) {
      String now = text.substring(slot.start(), slot.end());
      String wanted = slot.render(actual());
      if (!now.equals(wanted)) {
        edits.add(new TextEdit(lineOffset + slot.start(), now.length(), wanted));
      }
    }
    return edits;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%d: %s (%s)", line, text.strip(), section.id());
  }
}
