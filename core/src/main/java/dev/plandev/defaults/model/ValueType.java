package dev.plandev.defaults.model;

import java.util.Locale;

/** The type of a default's value, which decides how the value text is checked. */
public enum ValueType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  JSON,
  /** One of the strings listed in the entry's JSON Schema {@code enum}. */
  ENUM;

  /** The lower-case name used in files, the API and the database. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a wire name such as {@code integer}, any case. */
  public static ValueType parse(String text) {
    for (ValueType t : values()) {
      if (t.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return t;
      }
    }
    throw new InvalidInputException(
        "valueType",
        "must be one of string, integer, number, boolean, json, enum; got '"
            + Texts.truncate(text)
            + "'");
  }
}
