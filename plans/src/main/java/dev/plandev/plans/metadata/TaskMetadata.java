package dev.plandev.plans.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code #key:value} tags of one task and what they mean.
 *
 * <p>A tag starts at a {@code #} that begins the text or follows a space, then a key of letters,
 * digits, {@code -} or {@code _} starting with a letter, a colon, and a value up to the next space.
 * Tags inside {@code `code`} are examples, not metadata, and are skipped. Keys are compared
 * ignoring case and accents, with French and English synonyms (see {@link Tag#keyOf}). When a key
 * appears twice the first tag wins; every tag stays in {@link #tags()}, unknown keys included.
 */
public final class TaskMetadata {
  /** A task without any tag. */
  public static final TaskMetadata NONE = new TaskMetadata(List.of());

  private static final Pattern TAG =
      Pattern.compile("(?<![^\\s(\\[])#(\\p{L}[\\p{L}\\p{N}_-]*):([^\\s`]+)");

  private final List<Tag> tags;

  private TaskMetadata(List<Tag> tags) {
    this.tags = List.copyOf(tags);
  }

  /** Reads the tags of a task's text (the Markdown after its checkbox). */
  public static TaskMetadata parse(String text) {
    if (text.indexOf('#') < 0 || text.indexOf(':') < 0) {
      return NONE;
    }
    List<Tag> tags = new ArrayList<>();
    Matcher m = TAG.matcher(text);
    while (m.find()) {
      if (insideCode(text, m.start())) {
        continue;
      }
      tags.add(new Tag(m.group(1), Tag.keyOf(m.group(1)), m.group(2), m.start()));
    }
    return tags.isEmpty() ? NONE : new TaskMetadata(tags);
  }

  /** Every tag in text order, unknown keys included. */
  public List<Tag> tags() {
    return tags;
  }

  /** Whether the task has no tag at all. */
  public boolean isEmpty() {
    return tags.isEmpty();
  }

  /** The first value of {@code key} (a key as {@link Tag#keyOf} returns it). */
  public Optional<String> value(String key) {
    return tags.stream().filter(t -> t.key().equals(key)).map(Tag::value).findFirst();
  }

  /** The effort tag's value as written, parsed or not. */
  public Optional<String> effortText() {
    return value("effort");
  }

  /** The effort, when the task has an effort tag that parses. */
  public Optional<Effort> effort() {
    return effortText().flatMap(Effort::parse);
  }

  /** The priority, when tagged with a value it understands. */
  public Optional<Priority> priority() {
    return value("priority").flatMap(Priority::parse);
  }

  /** The priority used for ordering: {@link Priority#MEDIUM} when untagged. */
  public Priority priorityOrDefault() {
    return priority().orElse(Priority.MEDIUM);
  }

  /** The {@code #status:} value as written. */
  public Optional<String> status() {
    return value("status");
  }

  /**
   * The {@code #status:} value when it names no state plandev knows (such as {@code
   * #status:review}); such a task counts as open, and lint and status say so.
   */
  public Optional<String> unknownStatus() {
    return status().filter(v -> TaskState.parse(v).isEmpty());
  }

  /** The category as written. */
  public Optional<String> category() {
    return value("category");
  }

  /** The owner as written. */
  public Optional<String> owner() {
    return value("owner");
  }

  /** The tasks this one waits for, from every {@code #depends:} tag, in text order. */
  public List<Dependency> dependencies() {
    List<Dependency> out = new ArrayList<>();
    for (Tag tag : tags) {
      if (tag.key().equals("depends")) {
        out.addAll(Dependency.parseList(tag.value()));
      }
    }
    return out;
  }

  /** Tags whose keys plandev gives no meaning, kept so they can be shown. */
  public List<Tag> otherTags() {
    return tags.stream().filter(t -> !t.known()).toList();
  }

  @Override
  public String toString() {
    return tags.toString();
  }

  /** Whether {@code at} is inside a {@code `code span`}: an odd number of backticks before it. */
  private static boolean insideCode(String text, int at) {
    int ticks = 0;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '`') {
        ticks++;
      }
    }
    return ticks % 2 == 1;
  }
}
