package dev.plandev.defaults.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules a configuration breaks, collected while each section checks itself so that one
 * exception can name them all instead of making the user fix them one run at a time.
 */
final class ProblemList {
  private final List<ConfigProblem> found = new ArrayList<>();

  /** Records that {@code path} breaks {@code rule} with {@code value} unless {@code ok}. */
  void require(boolean ok, String path, Object value, String rule) {
    if (!ok) {
      found.add(new ConfigProblem(path, value, rule));
    }
  }

  void notEmpty(String path, String value) {
    require(value != null && !value.isBlank(), path, value, "must not be empty");
  }

  void atLeast(String path, long value, long min) {
    require(value >= min, path, value, "must be at least " + min);
  }

  void between(String path, long value, long min, long max) {
    between(path, value, min, max, "");
  }

  /** Like {@link #between(String, long, long, long)} with a note on the bounds' meaning. */
  void between(String path, long value, long min, long max, String note) {
    String rule = "must be between " + min + " and " + max + (note.isEmpty() ? "" : " " + note);
    require(value >= min && value <= max, path, value, rule);
  }

  /** A breaker threshold: 0 would open on no failure at all, so it is excluded. */
  void percentage(String path, double value) {
    require(value > 0 && value <= 100, path, value, "must be a percentage above 0 and at most 100");
  }

  void oneOf(String path, String value, List<String> allowed) {
    require(
        value != null && allowed.contains(value),
        path,
        value,
        "must be one of " + String.join(", ", allowed));
  }

  void positive(String path, Duration value) {
    require(
        value != null && !value.isNegative() && !value.isZero(), path, value, "must be positive");
  }

  void notNegative(String path, Duration value) {
    require(value != null && !value.isNegative(), path, value, "must not be negative");
  }

  void atLeast(String path, Duration value, Duration min) {
    require(
        value != null && value.compareTo(min) >= 0,
        path,
        value,
        "must be at least " + DurationText.format(min));
  }

  /** A five-field cron expression. */
  void cron(String path, String expression) {
    String why = CronSchedule.problem(expression);
    require(
        why == null, path, expression, why == null ? "" : "must be " + CronSchedule.SCHEDULE + why);
  }

  /** Throws one exception naming every problem found, if any. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new ConfigException(found);
    }
  }
}
