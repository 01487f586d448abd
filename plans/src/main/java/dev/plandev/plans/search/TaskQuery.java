package dev.plandev.plans.search;

import dev.plandev.plans.Task;
import dev.plandev.plans.metadata.Effort;
import dev.plandev.plans.metadata.Priority;
import dev.plandev.plans.metadata.Tag;
import dev.plandev.plans.metadata.TaskState;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What {@code find} looks for: words in a task's text, and optionally its states and tags.
 *
 * <p>Words match anywhere in the text, ignoring case, accents and Markdown emphasis and code marks,
 * so {@code "etape config"} finds {@code **Étape** config}. A tag condition names a key as plans
 * write it (synonyms included: {@code temps} means {@code effort}) and a value compared the same
 * way; efforts compare by amount ({@code 2h} = {@code 120min}) and priorities by level ({@code
 * haute} = {@code high}). An empty value asks only that the task has the key.
 *
 * @param words the words to find; empty matches every task
 * @param states the states wanted; empty for any
 * @param tags conditions that must all hold
 */
public record TaskQuery(String words, Set<TaskState> states, List<TagCondition> tags) {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Copies the collections. */
  public TaskQuery {
    states = Set.copyOf(states);
    tags = List.copyOf(tags);
  }

  /**
   * One {@code key:value} a task's tags must hold.
   *
   * @param key the key as {@link Tag#keyOf} reads it
   * @param value the wanted value; empty when any value will do
   */
  public record TagCondition(String key, String value) {
    /**
     * Reads {@code key:value} or {@code key:}.
     *
     * @throws IllegalArgumentException when there is no key before a colon
     */
    public static TagCondition parse(String keyValue) {
      String text = keyValue.strip();
      text = text.startsWith("#") ? text.substring(1) : text;
      int colon = text.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException(
            "'"
                + keyValue
                + "' is not key:value; write e.g. --tag priority:high, or owner: for any");
      }
      return new TagCondition(Tag.keyOf(text.substring(0, colon)), text.substring(colon + 1));
    }

    boolean heldBy(Task task) {
      return task.metadata().tags().stream()
          .filter(t -> t.key().equals(key))
          .anyMatch(t -> value.isBlank() || same(t.value()));
    }

    private boolean same(String actual) {
      if (key.equals("effort")) {
        Optional<Effort> wanted = Effort.parse(value);
        if (wanted.isPresent()) {
          return wanted.equals(Effort.parse(actual));
        }
      }
      if (key.equals("priority")) {
        Optional<Priority> wanted = Priority.parse(value);
        if (wanted.isPresent()) {
          return wanted.equals(Priority.parse(actual));
        }
      }
      return plain(actual).equals(plain(value));
    }
  }

  /** Whether {@code task} holds the words, one of the states and every tag condition. */
  public boolean matches(Task task) {
    return (states.isEmpty() || states.contains(task.state()))
        && tags.stream().allMatch(t -> t.heldBy(task))
        && (words.isBlank() || plain(task.text()).contains(plain(words)));
  }

  /** Text as compared: no emphasis or code marks, no accents, lower case. */
  static String plain(String text) {
    String bare = text.replace("**", "").replace("__", "").replace("`", "").strip();
    String noAccents =
        MARKS.matcher(Normalizer.normalize(bare, Normalizer.Form.NFD)).replaceAll("");
    return noAccents.toLowerCase(Locale.ROOT);
  }
}
