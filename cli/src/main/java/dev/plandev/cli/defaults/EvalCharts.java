package dev.plandev.cli.defaults;

import dev.plandev.cli.defaults.SvgChart.Point;
import dev.plandev.defaults.rank.ReplayReport;
import dev.plandev.defaults.rank.ReplayReport.AccuracyPoint;
import dev.plandev.defaults.rank.ReplayReport.ReliabilityBin;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two charts of the eval report page: accuracy over time, and the reliability diagram of the
 * engine's confidence.
 *
 * <p>Both map data to pixels with the same arithmetic: a plot box (left, top, width, height) inside
 * the SVG, x growing rightwards, y growing upwards from the box's bottom edge.
 */
final class EvalCharts {
  static final String[] COLOURS = {"#1f5fa8", "#b35c00", "#6b6b6b", "#2e7d32"};
  private static final String AXIS = "#888";
  private static final String GRID = "#e3e3e3";
  private static final String DIAGONAL = "#999";

  private EvalCharts() {}

  /**
   * Top-1 accuracy and MRR of the engine per window of events, over the overall top-1 of every
   * strategy as a horizontal line; {@code reports} has the engine first.
   */
  static SvgChart accuracy(Map<String, ReplayReport> reports) {
    List<AccuracyPoint> points = reports.get(EvalCommand.ENGINE).accuracyOverTime();
    int width = 930;
    int height = 340;
    Box box = new Box(56, 34, width - 56 - 190, height - 34 - 64);
    double xMax = points.isEmpty() ? 1 : points.get(points.size() - 1).toEvent();
    SvgChart.Builder chart =
        new SvgChart.Builder(width, height, "Top-1 accuracy and MRR over time");
    yGrid(chart, box);
    // x ticks: five event counts, each with the date of the nearest window under it.
    for (int i = 0; i <= 4; i++) {
      double v = xMax * i / 4;
      double x = box.x(v / xMax);
      chart.line(x, box.bottom(), x, box.bottom() + 5, AXIS, 1, null);
      chart.text(x, box.bottom() + 19, "middle", String.format(Locale.ROOT, "%,d", (long) v));
      AccuracyPoint near = nearest(points, v);
      if (near != null) {
        chart.text(x, box.bottom() + 34, "middle", date(near.ts()));
      }
    }
    chart.text(box.x(0.5), height - 8, "middle", "events replayed (date of the event)");
    overallLines(chart, box, reports);
    List<Point> top1 = new ArrayList<>();
    List<Point> mrr = new ArrayList<>();
    for (AccuracyPoint p : points) {
      double x = box.x(p.toEvent() / xMax);
      top1.add(new Point(x, box.y(p.top1())));
      mrr.add(new Point(x, box.y(p.mrr())));
    }
    chart.polyline(mrr, COLOURS[1], 1.5).polyline(top1, COLOURS[0], 2.5);
    legend(chart, box.left + 10, 16, COLOURS[0], "top-1 accuracy");
    legend(chart, box.left + 150, 16, COLOURS[1], "MRR");
    return chart.build();
  }

  /**
   * The overall top-1 of each strategy as a horizontal line, labelled in the right margin; labels
   * closer than a line of text are pushed down so that none hides another.
   */
  private static void overallLines(
      SvgChart.Builder chart, Box box, Map<String, ReplayReport> reports) {
    List<Map.Entry<String, ReplayReport>> overall = new ArrayList<>(reports.entrySet());
    overall.sort(Comparator.comparingDouble(e -> -e.getValue().top1()));
    double lastLabel = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, ReplayReport> e : overall) {
      boolean engine = e.getKey().equals(EvalCommand.ENGINE);
      double y = box.y(e.getValue().top1());
      chart.line(
          box.left, y, box.right(), y, engine ? COLOURS[0] : COLOURS[2], 1, engine ? "2 3" : "5 4");
      lastLabel = Math.max(y + 4, lastLabel + 14);
      chart.text(
          box.right() + 8,
          lastLabel,
          "start",
          String.format(Locale.ROOT, "%s %.3f", e.getKey().replace('_', ' '), e.getValue().top1()));
    }
  }

  /**
   * The engine's mean confidence against the observed frequency, one dot per confidence bin with an
   * area proportional to its number of events, against the diagonal of perfect calibration.
   */
  static SvgChart reliability(ReplayReport engine) {
    int size = 400;
    Box box = new Box(56, 20, size - 56 - 20, size - 20 - 56);
    SvgChart.Builder chart =
        new SvgChart.Builder(size, size, "Reliability diagram: confidence against observed");
    yGrid(chart, box);
    for (int i = 0; i <= 5; i++) {
      double x = box.x(i / 5.0);
      chart.line(x, box.bottom(), x, box.bottom() + 5, AXIS, 1, null);
      chart.text(x, box.bottom() + 19, "middle", String.format(Locale.ROOT, "%.1f", i / 5.0));
    }
    chart.text(box.x(0.5), size - 14, "middle", "confidence of the first value");
    chart.verticalText(14, box.y(0.5), "observed: was it the chosen value?");
    chart.line(box.x(0), box.y(0), box.x(1), box.y(1), DIAGONAL, 1.5, "6 4");
    List<ReliabilityBin> bins = engine.reliability();
    int max = bins.stream().mapToInt(ReliabilityBin::count).max().orElse(1);
    List<Point> path = new ArrayList<>();
    for (ReliabilityBin b : bins) {
      path.add(new Point(box.x(b.meanConfidence()), box.y(b.observedFrequency())));
    }
    chart.polyline(path, COLOURS[0], 1.5);
    for (ReliabilityBin b : bins) {
      chart.circle(
          box.x(b.meanConfidence()),
          box.y(b.observedFrequency()),
          3 + 11 * Math.sqrt((double) b.count() / max),
          COLOURS[0],
          String.format(
              Locale.ROOT,
              "confidence [%.1f, %.1f): %d events, mean %.3f, observed %.3f",
              b.from(),
              b.to(),
              b.count(),
              b.meanConfidence(),
              b.observedFrequency()));
    }
    chart.line(box.x(0.04), box.y(0.95), box.x(0.13), box.y(0.95), DIAGONAL, 1.5, "6 4");
    chart.text(box.x(0.16), box.y(0.95) + 4, "start", "perfectly calibrated");
    chart.circle(box.x(0.085), box.y(0.87), 5, COLOURS[0], null);
    chart.text(box.x(0.16), box.y(0.87) + 4, "start", "engine, one dot per bin");
    return chart.build();
  }

  /** Horizontal grid lines and labels at 0, 0.2, ..., 1 on the y axis, and the box's frame. */
  private static void yGrid(SvgChart.Builder chart, Box box) {
    for (int i = 0; i <= 5; i++) {
      double y = box.y(i / 5.0);
      chart.line(box.left, y, box.right(), y, i == 0 ? AXIS : GRID, 1, null);
      chart.text(box.left - 8, y + 4, "end", String.format(Locale.ROOT, "%.1f", i / 5.0));
    }
    chart.line(box.left, box.top, box.left, box.bottom(), AXIS, 1, null);
  }

  private static void legend(
      SvgChart.Builder chart, double x, double y, String colour, String label) {
    chart.line(x, y - 4, x + 24, y - 4, colour, 2.5, null);
    chart.text(x + 30, y, "start", label);
  }

  private static AccuracyPoint nearest(List<AccuracyPoint> points, double event) {
    AccuracyPoint best = null;
    for (AccuracyPoint p : points) {
      if (best == null || Math.abs(p.toEvent() - event) < Math.abs(best.toEvent() - event)) {
        best = p;
      }
    }
    return best;
  }

  /** The day of {@code ts} in UTC, as the report prints dates. */
  static String date(Instant ts) {
    return ts.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  /** The plot area of a chart, in SVG pixels; {@code x(f)} and {@code y(f)} take 0..1. */
  private record Box(double left, double top, double width, double height) {
    double right() {
      return left + width;
    }

    double bottom() {
      return top + height;
    }

    double x(double fraction) {
      return left + fraction * width;
    }

    double y(double fraction) {
      return top + (1 - fraction) * height;
    }
  }
}
