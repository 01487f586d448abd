package dev.plandev.plans.edit;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.TextEdit;
import dev.plandev.plans.metadata.Effort;
import dev.plandev.plans.metadata.Tag;
import dev.plandev.plans.metadata.TaskMetadata;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Sets, replaces and removes {@code #key:value} tags on a task's checkbox line.
 *
 * <p>Keys match as the parser reads them ({@link Tag#keyOf}): setting {@code temps:2h} on a task
 * tagged {@code #time:1h} replaces that tag's value and keeps the plan's spelling of the key, so
 * {@code #time:2h}. A key the checkbox line does not have yet is appended to its end, before any
 * trailing spaces (a Markdown line break); a tag of that key on a continuation line stays, and the
 * new one, coming first, is the one plans read. Removing a key removes every tag of it on the line
 * with one space next to it. Only the task's checkbox line changes.
 */
public final class TaskTags {
  private static final Pattern KEY = Pattern.compile("\\p{L}[\\p{L}\\p{N}_-]*");

  /**
   * One change to make: set {@code key} to {@code value}, or remove it when the value is empty.
   *
   * @param name the key as the user typed it, written when the task does not have the key yet
   * @param value the new value; empty to remove the key
   */
  public record Change(String name, String value) {
    /** Validates that the key and value can be written as a tag the parser reads back. */
    public Change {
      if (!KEY.matcher(name).matches()) {
        throw new InvalidTagException(
            "'"
                + name
                + "' cannot be a tag key; a key starts with a letter and has only letters,"
                + " digits, - and _ (e.g. priority, time, depends)");
      }
      if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '`')) {
        throw new InvalidTagException(
            "the value of '"
                + name
                + "' cannot hold spaces or backquotes ('"
                + value
                + "'); a tag value ends at the first space, so join words with - (e.g."
                + " owner:ana-maria)");
      }
      if (!value.isEmpty() && Tag.keyOf(name).equals("effort") && Effort.parse(value).isEmpty()) {
        throw new InvalidTagException(
            "'" + value + "' is not an effort; write e.g. 30min, 2h, 1.5d or 3j");
      }
    }

    /** Reads {@code key:value}; {@code key:} with nothing after the colon removes the key. */
    public static Change parse(String keyValue) {
      String text = keyValue.strip();
      if (text.startsWith("#")) {
        text = text.substring(1);
      }
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new InvalidTagException(
            "'"
                + keyValue
                + "' is not key:value; write e.g. priority:high, or priority: to remove");
      }
      return new Change(text.substring(0, colon), text.substring(colon + 1));
    }

    /** Removes every tag of {@code key}. */
    public static Change removal(String key) {
      return new Change(key.strip().startsWith("#") ? key.strip().substring(1) : key.strip(), "");
    }

    /** Whether this change removes the key. */
    public boolean removes() {
      return value.isEmpty();
    }
  }

  private TaskTags() {}

  /**
   * The plan with {@code changes} applied in order to {@code task}'s checkbox line; the same plan
   * when they change nothing (a value already set, a key already absent).
   */
  public static PlanDocument apply(PlanDocument plan, Task task, List<Change> changes) {
    String original = plan.line(task.line());
    String line = original;
    for (Change change : changes) {
      line = apply(line, change);
    }
    if (line.equals(original)) {
      return plan;
    }
    return plan.apply(List.of(new TextEdit(plan.lineOffset(task.line()), original.length(), line)));
  }

  private static String apply(String line, Change change) {
    String key = Tag.keyOf(change.name());
    List<Tag> same =
        TaskMetadata.parse(line).tags().stream().filter(t -> t.key().equals(key)).toList();
    if (change.removes()) {
      String out = line;
      for (int i = same.size() - 1; i >= 0; i--) {
        out = remove(out, same.get(i));
      }
      return out;
    }
    if (!same.isEmpty()) {
      Tag first = same.get(0);
      int valueStart = first.start() + 1 + first.name().length() + 1;
      return line.substring(0, valueStart) + change.value() + line.substring(first.end());
    }
    int end = line.stripTrailing().length();
    return line.substring(0, end)
        + " #"
        + change.name()
        + ":"
        + change.value()
        + line.substring(end);
  }

  /** {@code line} without {@code tag} and the space before it (or after it, at the start). */
  private static String remove(String line, Tag tag) {
    int from = tag.start();
    int to = tag.end();
    if (from > 0 && line.charAt(from - 1) == ' ') {
      from--;
    } else if (to < line.length() && line.charAt(to) == ' ') {
      to++;
    }
    return line.substring(0, from) + line.substring(to);
  }
}
