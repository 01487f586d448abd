package dev.plandev.defaults.model;

import java.util.Locale;

/** What a person did with a suggested default; the learning data of the ranking engine. */
public enum Outcome {
  /** The suggestion was taken as it was. */
  ACCEPTED,
  /** The suggestion was turned down (the chosen value is recorded separately). */
  REJECTED,
  /** This value was chosen, whether or not it was suggested. */
  CHOSEN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code accepted|rejected|chosen}, any case. */
  public static Outcome parse(String text) {
    for (Outcome o : values()) {
      if (o.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return o;
      }
    }
    throw new InvalidInputException(
        "outcome", "must be one of accepted, rejected, chosen; got '" + Texts.truncate(text) + "'");
  }
}
