package dev.plandev.defaults.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A five-field cron expression (minute hour day month weekday) of a setting, checked when the
 * configuration is built so that a wrong schedule is refused at start, not when the job is due.
 */
public final class CronSchedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime times;

  private CronSchedule(String expression, ExecutionTime times) {
    this.expression = expression;
    this.times = times;
  }

  /**
   * The schedule {@code expression} describes.
   *
   * @throws ConfigException naming {@code setting} when it is not a cron expression
   */
  public static CronSchedule parse(String setting, String expression) {
    String why = problem(expression);
    if (why != null) {
      throw new ConfigException(setting + ": '" + expression + "' is not " + SCHEDULE + why);
    }
    Cron cron = PARSER.parse(expression);
    return new CronSchedule(expression, ExecutionTime.forCron(cron));
  }

  /** What a schedule setting must hold, followed by why a value does not. */
  static final String SCHEDULE =
      "a schedule: write five fields, minute hour day month weekday (0 4 * * 0 is Sundays at"
          + " 04:00); ";

  /**
   * Why {@code expression} is not a five-field cron expression, in a few plain words ({@code it has
   * 1 field}, {@code 61 is not in range 0-59}), or null when it is one.
   */
  static String problem(String expression) {
    if (expression == null || expression.isBlank()) {
      return "it is empty";
    }
    int fields = expression.trim().split("\\s+").length;
    if (fields != 5) {
      return "it has " + fields + (fields == 1 ? " field" : " fields");
    }
    try {
      PARSER.parse(expression).validate();
      return null;
    } catch (IllegalArgumentException e) {
      return plain(e.getMessage());
    }
  }

  /**
   * The parser's reason without its preamble: {@code Value 61 not in range [0, 59]} and the like.
   */
  private static String plain(String message) {
    String m =
        message == null ? "" : message.replaceFirst("^Failed to parse cron expression\\.\\s*", "");
    Matcher range = OUT_OF_RANGE.matcher(m);
    if (range.find()) {
      return range.group(1) + " is not in range " + range.group(2) + "-" + range.group(3);
    }
    return m.isBlank()
        ? "it does not parse"
        : m.substring(0, 1).toLowerCase(Locale.ROOT) + m.substring(1);
  }

  private static final Pattern OUT_OF_RANGE =
      Pattern.compile("Value (\\S+) not in range \\[(\\d+), (\\d+)\\]");

  /** The first time after {@code now} the schedule fires, if it ever does. */
  public Optional<ZonedDateTime> next(ZonedDateTime now) {
    return times.nextExecution(now);
  }

  /**
   * The time between the two runs that follow {@code now}: the interval a job on this schedule is
   * expected to keep (a week for {@code 0 3 * * 0}).
   */
  public Duration interval(ZonedDateTime now) {
    Optional<ZonedDateTime> first = next(now);
    Optional<ZonedDateTime> second = first.flatMap(this::next);
    if (first.isEmpty() || second.isEmpty()) {
      return Duration.ofDays(365);
    }
    return Duration.between(first.get(), second.get());
  }

  @Override
  public String toString() {
    return expression;
  }
}
