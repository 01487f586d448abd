package dev.plandev.plans.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of work, held in minutes.
 *
 * <p>Values are one or more number-unit pairs: {@code 30min}, {@code 2h}, {@code 1.5d}, {@code 3j},
 * {@code 1j4h}, {@code 2h30}. Plans count working time, so a day ({@code d}, {@code j}) is 8 hours
 * and a week ({@code w}, or {@code s} for "semaine") is 5 days. A decimal comma works like a point.
 *
 * @param minutes whole minutes of work, 0 or more
 */
public record Effort(long minutes) {
  /** Working minutes in a day: plans estimate in working days of 8 hours. */
  public static final long DAY = 8 * 60;

  /** Working minutes in a week of 5 working days. */
  public static final long WEEK = 5 * DAY;

  /** No work at all. */
  public static final Effort NONE = new Effort(0);

  private static final Pattern PART =
      Pattern.compile("(\\d+(?:[.,]\\d+)?)(min|mn|m|h|d|j|w|s)?", Pattern.CASE_INSENSITIVE);

  /** Validates that {@code minutes} is not negative. */
  public Effort {
    if (minutes < 0) {
      throw new IllegalArgumentException("effort must not be negative: " + minutes + " min");
    }
  }

  /**
   * Reads {@code 2h}, {@code 30min}, {@code 1.5d}, {@code 3j}, {@code 1j4h}; empty when the text is
   * not an effort (such as the placeholder {@code Xd}). Only the last part may omit its unit, and
   * then it counts as minutes after hours ({@code 2h30}).
   */
  public static Optional<Effort> parse(String text) {
    String value = text.strip();
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = PART.matcher(value);
    double total = 0;
    int at = 0;
    String previousUnit = null;
    while (at < value.length()) {
      if (!m.find(at) || m.start() != at) {
        return Optional.empty();
      }
      String unit = m.group(2);
      boolean last = m.end() == value.length();
      if (unit == null && !(last && "h".equalsIgnoreCase(previousUnit))) {
        return Optional.empty();
      }
      double number = Double.parseDouble(m.group(1).replace(',', '.'));
      total += number * minutesPer(unit == null ? "min" : unit);
      previousUnit = unit;
      at = m.end();
    }
    return Optional.of(new Effort(Math.round(total)));
  }

  /** The sum of both efforts. */
  public Effort plus(Effort other) {
    return new Effort(minutes + other.minutes);
  }

  /** Hours of work, e.g. 1.5 for 90 minutes. */
  public double hours() {
    return minutes / 60.0;
  }

  /** Shortest plain form: {@code 30min}, {@code 2h}, {@code 2h30min}, {@code 1d 4h}, {@code 0h}. */
  @Override
  public String toString() {
    if (minutes == 0) {
      return "0h";
    }
    long days = minutes / DAY;
    long hours = minutes % DAY / 60;
    long mins = minutes % 60;
    StringBuilder out = new StringBuilder();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (hours > 0) {
      out.append(out.length() > 0 ? " " : "").append(hours).append('h');
    }
    if (mins > 0) {
      out.append(out.length() > 0 && hours == 0 ? " " : "").append(mins).append("min");
    }
    return out.toString();
  }

  private static long minutesPer(String unit) {
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "min", "mn", "m" -> 1;
      case "h" -> 60;
      case "d", "j" -> DAY;
      default -> WEEK;
    };
  }
}
