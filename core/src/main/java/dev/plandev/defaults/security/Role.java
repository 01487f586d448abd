package dev.plandev.defaults.security;

import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Texts;
import java.util.Locale;

/** What an API key may do; each role includes the ones below it. */
public enum Role {
  /** Read, resolve, predict, export. */
  READER,
  /** Also write defaults and send feedback. */
  EDITOR,
  /** Everything, including key management. */
  ADMIN;

  public boolean includes(Role needed) {
    return ordinal() >= needed.ordinal();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code admin|editor|reader}. */
  public static Role parse(String text) {
    for (Role r : values()) {
      if (r.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return r;
      }
    }
    throw new InvalidInputException(
        "role", "must be admin, editor or reader; got '" + Texts.truncate(text) + "'");
  }
}
