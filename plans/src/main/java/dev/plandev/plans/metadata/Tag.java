package dev.plandev.plans.metadata;

import java.util.Set;

/**
 * One {@code #key:value} tag in a task's text.
 *
 * @param name the key as written, e.g. {@code Priorité}
 * @param key the key it means: {@code effort}, {@code depends}, {@code priority}, {@code status},
 *     {@code category}, {@code owner}, or for any other key its lower-case form
 * @param value the value as written, up to the next space
 * @param start offset of the {@code #} in the task text
 */
public record Tag(String name, String key, String value, int start) {
  /** The keys plandev understands; every other key is kept and shown as it is. */
  public static final Set<String> KNOWN_KEYS =
      Set.of("effort", "depends", "priority", "status", "category", "owner");

  /**
   * The key a written name means: {@code temps} → {@code effort}, {@code dépend} → {@code depends}.
   */
  public static String keyOf(String name) {
    String plain = Words.plain(name);
    return switch (plain) {
      case "time", "temps", "duration", "duree", "effort", "estimate", "estimation" -> "effort";
      case "depends", "depend", "depends-on", "depend-de", "dependances", "deps" -> "depends";
      case "priority", "priorite" -> "priority";
      case "status", "statut" -> "status";
      case "category", "categorie" -> "category";
      case "owner", "assignee", "responsable" -> "owner";
      default -> plain;
    };
  }

  /** Whether plandev gives this tag's key a meaning. */
  public boolean known() {
    return KNOWN_KEYS.contains(key);
  }

  /** Offset just after the tag's value in the task text. */
  public int end() {
    return start + 1 + name.length() + 1 + value.length();
  }

  /** {@code #name:value}, as written. */
  @Override
  public String toString() {
    return "#" + name + ":" + value;
  }
}
