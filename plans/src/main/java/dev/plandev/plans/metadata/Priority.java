package dev.plandev.plans.metadata;

import java.util.Locale;
import java.util.Optional;

/**
 * How urgent a task is, from {@code #priority:} / {@code #priorité:}.
 *
 * <p>A task without a priority ranks as {@link #MEDIUM}, as in Taskmaster: most plans tag only the
 * exceptions, so an untagged task is ordinary work, a {@code low} tag pushes a task back and a
 * {@code high} tag pulls it forward.
 */
public enum Priority {
  /**
   * {@code high}, {@code haute}, {@code élevée}, {@code urgent}, {@code critical}, {@code p0/p1}.
   */
  HIGH,
  /** {@code medium}, {@code moyenne}, {@code normal(e)}, {@code p2}; also the default. */
  MEDIUM,
  /** {@code low}, {@code basse}, {@code faible}, {@code p3}. */
  LOW;

  /** The priority a value names, ignoring case and accents; empty when it names none. */
  public static Optional<Priority> parse(String value) {
    return Optional.ofNullable(
        switch (Words.plain(value)) {
          case "high", "haute", "haut", "elevee", "urgent", "critical", "critique", "p0", "p1" ->
              HIGH;
          case "medium", "moyenne", "moyen", "normal", "normale", "p2" -> MEDIUM;
          case "low", "basse", "bas", "faible", "p3" -> LOW;
          default -> null;
        });
  }

  /** Lower-case English name, as {@code --priority} takes it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
