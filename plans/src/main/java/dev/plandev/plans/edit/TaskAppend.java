package dev.plandev.plans.edit;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.TextEdit;
import dev.plandev.plans.markdown.UnclosedFence;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appends a task at the end of a section's tasks, written like the section's last top-level task.
 *
 * <p>The new line copies that sibling's indentation, list marker (the next number for an ordered
 * list) and spacing around an empty {@code [ ]}. When the sibling carries a task number ({@code
 * **2.3**}, {@code **Tâche 2.3** :}), the new task gets the next one ({@code 2.4}) with the same
 * decoration around it, unless the given text starts with a number of its own. The line goes after
 * the last line of the section's last task (its subtasks and continuation lines included), with the
 * line ending the plan already uses there, so every other line keeps its bytes. A section without
 * tasks gets a plain {@code - [ ]} item after its last non-blank line.
 */
public final class TaskAppend {
  /** A list item with a checkbox: indent, bullet or number and its delimiter, spacing, box. */
  private static final Pattern ITEM =
      Pattern.compile("^([ \\t]*)(?:([-*+])|(\\d{1,9})([.)]))([ \\t]+)\\[[^\\]]\\]([ \\t]*)");

  private static final Pattern ANY_ITEM =
      Pattern.compile("^([ \\t]*)(?:[-*+]|\\d{1,9}[.)])(\\s|$)");
  private static final Pattern CLOSING_FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})[ \\t]*$");
  private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(\\s|$)");

  /** Text between a task number and the task's words: a dot, closing emphasis, a colon or dash. */
  private static final Pattern AFTER_NUMBER =
      Pattern.compile("^\\.?(?:\\*\\*|__)?[ \\t]*(?:[:\\-–][ \\t]*)?");

  /**
   * The plan with the task added, and the task as the new plan reads it.
   *
   * @param plan the edited plan
   * @param task the added task
   */
  public record Appended(PlanDocument plan, Task task) {}

  private TaskAppend() {}

  /**
   * Appends {@code text} as an open task at the end of the section {@code sectionId}'s own tasks.
   *
   * @param sectionId a section id ({@code 2.1}, {@code h3}) or heading number, as {@code next
   *     --section} takes it
   * @throws UnknownSectionException when no section has that id
   * @throws IllegalArgumentException when {@code text} is blank or spans several lines
   */
  public static Appended append(PlanDocument plan, String sectionId, String text) {
    String words = text.strip();
    if (words.isEmpty() || words.indexOf('\n') >= 0 || words.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("task text must be one non-blank line: '" + text + "'");
    }
    Section section = section(plan, sectionId);
    List<Task> tasks = section.tasks();
    int after;
    String newLine;
    boolean blankBefore = false;
    if (tasks.isEmpty()) {
      after = lastTextLine(plan, Math.max(section.line(), 1), section.ownEndLine());
      // A list right under a heading or paragraph line would join it; a blank line keeps it apart.
      blankBefore = !plan.line(after).isBlank();
      newLine = "- [ ] " + words;
    } else {
      int top = tasks.stream().mapToInt(Task::depth).min().orElse(0);
      List<Task> siblings = tasks.stream().filter(t -> t.depth() == top).toList();
      Task sibling = siblings.get(siblings.size() - 1);
      Matcher item = ITEM.matcher(plan.line(sibling.line()));
      if (!item.find()) {
        throw new IllegalStateException("task line without checkbox: " + sibling);
      }
      after = endOfItem(plan, tasks.get(tasks.size() - 1).line(), section, item.group(1).length());
      newLine = lineLike(item, siblings, words);
    }
    String source = plan.toString();
    int offset = plan.lineOffset(after) + plan.line(after).length();
    String eol = lineEnding(source, offset);
    String inserted = (blankBefore ? eol + eol : eol) + newLine;
    PlanDocument edited = plan.apply(List.of(new TextEdit(offset, 0, inserted)));
    int line = after + (blankBefore ? 2 : 1);
    Task added =
        edited.tasks().stream()
            .filter(t -> t.line() == line)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("added task not read back: " + words));
    return new Appended(edited, added);
  }

  /** The section with id or heading number {@code id}. */
  static Section section(PlanDocument plan, String id) {
    String wanted = id.strip();
    for (Section s : plan.sections()) {
      if (s.id().equals(wanted) || s.numbering().equals(wanted)) {
        return s;
      }
    }
    List<String> ids = new ArrayList<>();
    plan.sections().stream().limit(30).forEach(s -> ids.add(s.id()));
    if (plan.sections().size() > 30) {
      ids.add("…");
    }
    throw new UnknownSectionException(id, plan.name(), ids);
  }

  private static String lineLike(Matcher item, List<Task> siblings, String words) {
    StringBuilder line = new StringBuilder(item.group(1));
    if (item.group(2) != null) {
      line.append(item.group(2));
    } else {
      line.append(Long.parseLong(item.group(3)) + 1).append(item.group(4));
    }
    line.append(item.group(5)).append("[ ]");
    line.append(item.group(6).isEmpty() ? " " : item.group(6));
    Task sibling = siblings.get(siblings.size() - 1);
    if (sibling.label().isEmpty() || hasOwnNumber(words)) {
      return line.append(words).toString();
    }
    String label = sibling.label().get();
    int at = sibling.text().indexOf(label);
    String before = sibling.text().substring(0, at);
    Matcher decoration = AFTER_NUMBER.matcher(sibling.text().substring(at + label.length()));
    String between = decoration.find() ? decoration.group() : "";
    if (between.isEmpty() || !Character.isWhitespace(between.charAt(between.length() - 1))) {
      between += " ";
    }
    line.append(before).append(nextNumber(label, siblings)).append(between).append(words);
    // A number inside emphasis that also wraps the title ("**2.3 Title**") needs closing.
    for (String mark : List.of("**", "__")) {
      if (count(before + between, mark) % 2 == 1) {
        line.append(mark);
      }
    }
    return line.toString();
  }

  /** One more than the highest last part among siblings numbered like {@code label}. */
  private static String nextNumber(String label, List<Task> siblings) {
    int dot = label.lastIndexOf('.');
    String parent = dot < 0 ? "" : label.substring(0, dot + 1);
    long highest = Long.parseLong(label.substring(dot + 1));
    for (Task t : siblings) {
      String other = t.label().orElse("");
      if (other.startsWith(parent) && other.lastIndexOf('.') == dot) {
        highest = Math.max(highest, Long.parseLong(other.substring(dot + 1)));
      }
    }
    return parent + (highest + 1);
  }

  /** Whether the text, read as a task, has a number of its own ({@code **3.1** …}). */
  private static boolean hasOwnNumber(String words) {
    List<Task> read = PlanDocument.of("new task", "- [ ] " + words + "\n").tasks();
    return !read.isEmpty() && read.get(0).label().isPresent();
  }

  /**
   * The last line of the list item that holds {@code line}: continuation lines and deeper items
   * follow it up to a blank line, a heading or an item indented no deeper than the siblings; a
   * blank line is crossed when what follows is indented deeper (a loose sublist or paragraph).
   */
  private static int endOfItem(PlanDocument plan, int line, Section section, int siblingIndent) {
    int last = line;
    int limit = section.ownEndLine();
    int next = line + 1;
    while (next <= limit) {
      if (plan.line(next).isBlank()) {
        int resume = next;
        while (resume <= limit && plan.line(resume).isBlank()) {
          resume++;
        }
        if (resume > limit || indent(plan.line(resume)) <= siblingIndent) {
          break;
        }
        next = resume;
      }
      String text = plan.line(next);
      if (plan.isCode(next)) {
        // Code indented under the item belongs to it; a fence at the list's indent ends the list.
        if (indent(text) <= siblingIndent) {
          break;
        }
      } else {
        Matcher item = ANY_ITEM.matcher(text);
        if (HEADING.matcher(text).find()
            || item.find() && item.group(1).length() <= siblingIndent) {
          break;
        }
      }
      last = next;
      next++;
    }
    return last;
  }

  /**
   * The last non-blank line of {@code from..to} after which a new line is still outside code: not
   * inside a code block, nor anywhere after the opening of a fence that is never closed.
   */
  private static int lastTextLine(PlanDocument plan, int from, int to) {
    for (int line = Math.min(to, plan.lineCount()); line > from; line--) {
      if (!plan.line(line).isBlank() && !insideCode(plan, line)) {
        return line;
      }
    }
    return from;
  }

  /** Whether a line inserted after {@code line} would land inside a code block. */
  private static boolean insideCode(PlanDocument plan, int line) {
    for (UnclosedFence fence : plan.unclosedFences()) {
      if (fence.line() <= line && line <= fence.endLine()) {
        return true;
      }
    }
    if (!plan.isCode(line) || CLOSING_FENCE.matcher(plan.line(line)).matches()) {
      return false;
    }
    // Blank lines inside a block are not marked as code; the next non-blank line tells.
    for (int next = line + 1; next <= plan.lineCount(); next++) {
      if (!plan.line(next).isBlank()) {
        return plan.isCode(next);
      }
    }
    return false;
  }

  /** The line ending after {@code offset}, or the plan's usual one when the text ends there. */
  private static String lineEnding(String text, int offset) {
    if (text.startsWith("\r\n", offset)) {
      return "\r\n";
    }
    if (offset < text.length()) {
      return String.valueOf(text.charAt(offset));
    }
    return text.contains("\r\n") ? "\r\n" : "\n";
  }

  private static int indent(String line) {
    int i = 0;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int count(String text, String mark) {
    int n = 0;
    for (int at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length())) {
      n++;
    }
    return n;
  }
}
