package dev.plandev.plans.generate;

import java.util.Locale;

/** The kind of answer a prompt expects. */
public enum PromptType {
  /** Free text, optionally checked by a regular expression. */
  INPUT,
  /** An integer. */
  NUMBER,
  /** One of the prompt's choices. */
  LIST,
  /** Yes or no, stored as {@code true} or {@code false}. */
  CONFIRM;

  /**
   * The type named in a prompts file ({@code input}, {@code number}, {@code list}, {@code
   * confirm}).
   */
  static PromptType named(String name) {
    for (PromptType t : values()) {
      if (t.name().equalsIgnoreCase(name)) {
        return t;
      }
    }
    return null;
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
