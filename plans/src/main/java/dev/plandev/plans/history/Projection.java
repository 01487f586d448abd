package dev.plandev.plans.history;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a plan would be finished if its recent pace held: a least-squares line through the remaining
 * task counts of the last {@value #RECENT} commits, extended from the last one down to zero.
 *
 * <p>No date is given when the plan is complete, when there are fewer than two commits at different
 * times, or when the line does not go down (progress is flat or the plan grew faster than it was
 * done): a date would then be a guess dressed up as a figure.
 *
 * @param completion the projected date, or null when there is none
 * @param tasksPerDay tasks done per day on the recent trend (negative when the plan grows)
 * @param note in plain words: the date and pace, or why there is no projection
 */
public record Projection(Instant completion, double tasksPerDay, String note) {
  /** How many of the latest commits make the recent trend. */
  static final int RECENT = 8;

  private static final double SECONDS_PER_DAY = 86_400;

  /** The projection of {@code points}, oldest first. */
  public static Projection of(List<HistoryPoint> points) {
    if (points.isEmpty()) {
      return new Projection(null, 0, "no projection: no history");
    }
    HistoryPoint last = points.get(points.size() - 1);
    if (last.remainingTasks() == 0) {
      return new Projection(null, 0, "complete: no task left");
    }
    List<HistoryPoint> recent = points.subList(Math.max(0, points.size() - RECENT), points.size());
    double n = recent.size();
    double meanT = 0;
    double meanY = 0;
    for (HistoryPoint p : recent) {
      meanT += days(p.time(), last.time()) / n;
      meanY += p.remainingTasks() / n;
    }
    double cov = 0;
    double var = 0;
    for (HistoryPoint p : recent) {
      double t = days(p.time(), last.time()) - meanT;
      cov += t * (p.remainingTasks() - meanY);
      var += t * t;
    }
    if (var == 0) {
      return new Projection(null, 0, "no projection: fewer than two commits at different times");
    }
    double slope = cov / var; // remaining tasks per day
    if (slope >= 0) {
      return new Projection(
          null,
          -slope,
          "no projection: progress is flat over the last " + recent.size() + " commits");
    }
    double daysLeft = last.remainingTasks() / -slope;
    Instant date = last.time().plus(Duration.ofSeconds(Math.round(daysLeft * SECONDS_PER_DAY)));
    return new Projection(
        date,
        -slope,
        String.format(
            java.util.Locale.ROOT,
            "projected completion %s at %.2f tasks a day (last %d commits)",
            date.toString().substring(0, 10),
            -slope,
            recent.size()));
  }

  /** The projected date, when there is one. */
  public Optional<Instant> date() {
    return Optional.ofNullable(completion);
  }

  private static double days(Instant t, Instant reference) {
    return (t.getEpochSecond() - reference.getEpochSecond()) / SECONDS_PER_DAY;
  }
}
