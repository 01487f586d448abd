package dev.plandev.defaults.config;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

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
      throw new ConfigException(setting + ": '" + expression + "' " + why);
    }
    Cron cron = PARSER.parse(expression);
    return new CronSchedule(expression, ExecutionTime.forCron(cron));
  }

  /** Why {@code expression} is not a cron expression, or null when it is one. */
  static String problem(String expression) {
    if (expression == null || expression.isBlank()) {
      return "is not a cron expression: it is empty";
    }
    try {
      PARSER.parse(expression).validate();
      return null;
    } catch (IllegalArgumentException e) {
      return "is not a cron expression (minute hour day month weekday, e.g. 0 4 * * 0): "
          + e.getMessage();
    }
  }

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
