package dev.plandev.server.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of one chart, drawn as SVG by the {@code chart} template (the page's HTML has no
 * other markup for it): bars, lines with their dots, and axis labels, all in pixels.
 *
 * @param label what the chart shows, read by screen readers (a table beside it has the figures)
 */
record SvgChart(
    String label,
    int width,
    int height,
    double left,
    double right,
    double top,
    double bottom,
    List<Bar> bars,
    List<Line> lines,
    List<Tick> ticks) {

  static final int WIDTH = 640;
  static final int HEIGHT = 220;
  static final double LEFT = 48;
  static final double RIGHT = WIDTH - 16.0;
  static final double TOP = 14;
  static final double BOTTOM = HEIGHT - 30.0;

  /** A rectangle; {@code kind} names its series (a CSS class). */
  record Bar(double x, double y, double width, double height, String kind, String title) {}

  /** A polyline and its dots; {@code dashed} for a reference line. */
  record Line(String kind, String points, List<Dot> dots, boolean dashed) {}

  /** A dot with what it stands for. */
  record Dot(double x, double y, String title) {}

  /** A text on an axis. */
  record Tick(double x, double y, String text, String anchor) {}

  /** One column of a stacked bar chart: a label and a value per series. */
  record Column(String label, long[] values) {}

  /** A chart on the standard frame. */
  static SvgChart of(String label, List<Bar> bars, List<Line> lines, List<Tick> ticks) {
    return new SvgChart(label, WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM, bars, lines, ticks);
  }

  /**
   * Stacked bars, one column per item, series in the order of {@code kinds}; the y axis runs from 0
   * to the tallest column.
   */
  static SvgChart stacked(String label, List<Column> columns, List<String> kinds) {
    long max = 1;
    for (Column c : columns) {
      long sum = 0;
      for (long v : c.values()) {
        sum += v;
      }
      max = Math.max(max, sum);
    }
    double slot = (RIGHT - LEFT) / Math.max(1, columns.size());
    double barWidth = Math.max(1, slot * 0.7);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      double x = LEFT + i * slot + (slot - barWidth) / 2;
      double y = BOTTOM;
      for (int s = 0; s < c.values().length; s++) {
        long v = c.values()[s];
        if (v == 0) {
          continue;
        }
        double h = (BOTTOM - TOP) * v / max;
        y -= h;
        bars.add(
            new Bar(
                round(x),
                round(y),
                round(barWidth),
                round(h),
                kinds.get(s),
                c.label() + ": " + v + " " + kinds.get(s)));
      }
    }
    List<Tick> ticks = new ArrayList<>(yTicks(Long.toString(max), "0"));
    ticks.addAll(
        xTicks(
            columns.isEmpty() ? "" : columns.get(0).label(),
            columns.isEmpty() ? "" : columns.get(columns.size() - 1).label()));
    return of(label, bars, List.of(), ticks);
  }

  /** A line of fractions (0 to 1) over evenly spaced items, labelled 0% and 100%. */
  static SvgChart fractions(String label, List<String> names, List<Double> values, String kind) {
    double slot = (RIGHT - LEFT) / Math.max(1, names.size());
    StringBuilder points = new StringBuilder();
    List<Dot> dots = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      double x = round(LEFT + i * slot + slot / 2);
      double y = round(y(values.get(i)));
      points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
      dots.add(new Dot(x, y, names.get(i) + ": " + percent(values.get(i))));
    }
    List<Tick> ticks = new ArrayList<>(yTicks("100%", "0%"));
    ticks.addAll(
        xTicks(
            names.isEmpty() ? "" : names.get(0),
            names.isEmpty() ? "" : names.get(names.size() - 1)));
    return of(label, List.of(), List.of(new Line(kind, points.toString(), dots, false)), ticks);
  }

  /**
   * A reliability diagram: one dot per confidence bin at (mean confidence, how often right), and
   * the diagonal a perfectly calibrated engine would follow.
   */
  static SvgChart reliability(String label, List<double[]> bins) {
    List<Dot> dots = new ArrayList<>();
    StringBuilder points = new StringBuilder();
    for (double[] b : bins) {
      double x = round(LEFT + (RIGHT - LEFT) * b[0]);
      double y = round(y(b[1]));
      points.append(points.length() == 0 ? "" : " ").append(x).append(',').append(y);
      dots.add(new Dot(x, y, "confidence " + percent(b[0]) + ": right " + percent(b[1])));
    }
    Line diagonal =
        new Line("ideal", LEFT + "," + BOTTOM + " " + RIGHT + "," + TOP, List.of(), true);
    List<Tick> ticks = new ArrayList<>(yTicks("100%", "0%"));
    ticks.addAll(xTicks("confidence 0%", "100%"));
    return of(
        label,
        List.of(),
        List.of(diagonal, new Line("observed", points.toString(), dots, false)),
        ticks);
  }

  private static double y(double fraction) {
    return BOTTOM - (BOTTOM - TOP) * Math.max(0, Math.min(1, fraction));
  }

  private static List<Tick> yTicks(String max, String min) {
    return List.of(new Tick(LEFT - 6, TOP + 4, max, "end"), new Tick(LEFT - 6, BOTTOM, min, "end"));
  }

  private static List<Tick> xTicks(String first, String last) {
    return List.of(
        new Tick(LEFT, BOTTOM + 18, first, "start"), new Tick(RIGHT, BOTTOM + 18, last, "end"));
  }

  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
