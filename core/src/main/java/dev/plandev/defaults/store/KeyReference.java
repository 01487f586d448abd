package dev.plandev.defaults.store;

import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Texts;
import dev.plandev.defaults.security.ApiKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a person names one API key: {@code id:3}, {@code name:ci}, or a plain {@code 3} or {@code ci}
 * that is taken as either. A plain value that is the id of one key and the name of another is
 * refused rather than guessed, since revoking the wrong key locks out whoever uses it. Key names
 * cannot contain a colon, so the two prefixed forms never clash with a name.
 */
final class KeyReference {
  private final String text;
  private final Long id; // null: not an id
  private final String name; // null: not a name

  private KeyReference(String text, Long id, String name) {
    this.text = text;
    this.id = id;
    this.name = name;
  }

  /**
   * Reads {@code id:N}, {@code name:NAME} or a plain value.
   *
   * @throws InvalidInputException when it is empty or {@code id:} is not followed by a number
   */
  static KeyReference parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(
          "key", "say which key: id:3, name:ci-bot, or a plain 3 or ci-bot");
    }
    if (text.startsWith("id:")) {
      Long id = number(text.substring(3));
      if (id == null) {
        throw new InvalidInputException(
            "key",
            "'" + Texts.truncate(text) + "' is not an id; ids are whole numbers, as in id:3");
      }
      return new KeyReference(text, id, null);
    }
    if (text.startsWith("name:")) {
      return new KeyReference(text, null, text.substring(5));
    }
    return new KeyReference(text, number(text), text);
  }

  private static Long number(String s) {
    if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.parseLong(s);
  }

  /** The id to look for, or -1 (no key has it) when the reference is no id. */
  long id() {
    return id == null ? -1 : id;
  }

  /** The name to look for, or null when the reference is no name. */
  String name() {
    return name;
  }

  /**
   * The one key among {@code candidates} (the keys whose id or name matched) this reference means.
   *
   * @throws EntryNotFoundException when none matched
   * @throws InvalidInputException when a plain value is one key's id and another's name
   */
  ApiKey pick(List<ApiKey> candidates) {
    if (candidates.isEmpty()) {
      throw new EntryNotFoundException(
          "no API key " + described() + "; see them with: plandev keys list");
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    throw new InvalidInputException(
        "key",
        "'"
            + text
            + "' matches more than one API key: "
            + candidates.stream().map(KeyReference::describe).collect(Collectors.joining("; "))
            + ". Say which with id:"
            + id
            + " or name:"
            + name);
  }

  private String described() {
    if (id != null && name != null) {
      return "with id or name '" + Texts.truncate(text) + "'";
    }
    return id != null ? "with id " + id : "named '" + Texts.truncate(name) + "'";
  }

  private static String describe(ApiKey k) {
    return "id "
        + k.id()
        + ", name "
        + k.name()
        + ", role "
        + k.role().wireName()
        + ", prefix "
        + k.prefix()
        + "…"
        + (k.revoked() ? ", revoked" : "");
  }
}
