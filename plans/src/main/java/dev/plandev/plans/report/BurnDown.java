package dev.plandev.plans.report;

import dev.plandev.plans.history.HistoryPoint;
import dev.plandev.plans.history.Projection;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a burn-down chart for the HTML report: remaining tasks and remaining effort at
 * each commit, as SVG polyline points, and the projection as a dashed line to zero. The markup is
 * in the report template; this record holds coordinates and labels only.
 *
 * <p>Time runs left to right from the first commit to the last, or to the projected date when there
 * is one. Tasks and effort each use the full height for their own maximum, so both lines show their
 * shape; the axis labels give both scales.
 *
 * @param tasks polyline points of the remaining tasks
 * @param effort polyline points of the remaining effort, empty when no version had effort tags
 * @param projection the dashed line's {@code x1 y1 x2 y2}, empty when there is no projection
 */
record BurnDown(
    int width,
    int height,
    int left,
    int right,
    int top,
    int bottom,
    String tasks,
    String effort,
    List<String> projection,
    String from,
    String to,
    int maxTasks,
    String maxEffort,
    String note,
    String label) {
  static final int WIDTH = 560;
  static final int HEIGHT = 200;
  private static final int LEFT = 44;
  private static final int RIGHT = WIDTH - 56;
  private static final int TOP = 12;
  private static final int BOTTOM = HEIGHT - 28;

  static BurnDown of(List<HistoryPoint> points, Projection projection) {
    Instant first = points.get(0).time();
    Instant last = points.get(points.size() - 1).time();
    Instant end = projection.date().filter(d -> d.isAfter(last)).orElse(last);
    long span = Math.max(1, end.getEpochSecond() - first.getEpochSecond());
    int maxTasks =
        Math.max(1, points.stream().mapToInt(HistoryPoint::remainingTasks).max().orElse(1));
    long maxMinutes = points.stream().mapToLong(p -> p.remaining().minutes()).max().orElse(0);
    StringBuilder tasks = new StringBuilder();
    StringBuilder effort = new StringBuilder();
    for (HistoryPoint p : points) {
      double x = x(p.time(), first, span);
      append(tasks, x, y(p.remainingTasks(), maxTasks));
      if (maxMinutes > 0) {
        append(effort, x, y(p.remaining().minutes(), maxMinutes));
      }
    }
    List<String> dashed = List.of();
    if (projection.date().isPresent()) {
      HistoryPoint at = points.get(points.size() - 1);
      dashed =
          List.of(
              num(x(at.time(), first, span)),
              num(y(at.remainingTasks(), maxTasks)),
              num(x(end, first, span)),
              num(y(0, maxTasks)));
    }
    String from = first.toString().substring(0, 10);
    String to = end.toString().substring(0, 10);
    return new BurnDown(
        WIDTH,
        HEIGHT,
        LEFT,
        RIGHT,
        TOP,
        BOTTOM,
        tasks.toString(),
        effort.toString(),
        dashed,
        from,
        to,
        maxTasks,
        maxMinutes > 0 ? new dev.plandev.plans.metadata.Effort(maxMinutes).toString() : "",
        projection.note(),
        "Burn-down from " + from + " to " + to + ": " + projection.note());
  }

  private static double x(Instant t, Instant first, long span) {
    return LEFT + (RIGHT - LEFT) * (double) (t.getEpochSecond() - first.getEpochSecond()) / span;
  }

  private static double y(double value, double max) {
    return BOTTOM - (BOTTOM - TOP) * value / max;
  }

  private static void append(StringBuilder points, double x, double y) {
    if (points.length() > 0) {
      points.append(' ');
    }
    points.append(num(x)).append(',').append(num(y));
  }

  private static String num(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
