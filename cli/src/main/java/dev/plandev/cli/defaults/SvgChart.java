package dev.plandev.cli.defaults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One chart of the eval report as its page template draws it in SVG: size, accessible label and
 * shapes, with pixel coordinates already computed and formatted to one decimal. The template draws
 * the shapes by kind (lines, then curves, then dots, then text), so text stays readable on top.
 */
record SvgChart(
    int width,
    int height,
    String label,
    List<Line> lines,
    List<Polyline> polylines,
    List<Circle> circles,
    List<Text> texts) {

  /** A straight line; {@code dash} is an SVG dash pattern, or null for a solid line. */
  record Line(
      String x1, String y1, String x2, String y2, String colour, String stroke, String dash) {}

  /** A curve through points given as {@code "x,y x,y ..."}. */
  record Polyline(String points, String colour, String stroke) {}

  /** A dot; {@code title} is its tooltip, or null. */
  record Circle(String cx, String cy, String r, String colour, String title) {}

  /** A label at (x, y); a vertical one reads bottom to top, centred there. */
  record Text(String x, String y, String anchor, String text, boolean vertical) {}

  /** A point in pixels. */
  record Point(double x, double y) {}

  /** Collects the shapes of one chart. */
  static final class Builder {
    private final int width;
    private final int height;
    private final String label;
    private final List<Line> lines = new ArrayList<>();
    private final List<Polyline> polylines = new ArrayList<>();
    private final List<Circle> circles = new ArrayList<>();
    private final List<Text> texts = new ArrayList<>();

    Builder(int width, int height, String label) {
      this.width = width;
      this.height = height;
      this.label = label;
    }

    Builder line(
        double x1, double y1, double x2, double y2, String colour, double stroke, String dash) {
      lines.add(new Line(px(x1), px(y1), px(x2), px(y2), colour, px(stroke), dash));
      return this;
    }

    Builder polyline(List<Point> points, String colour, double stroke) {
      String joined =
          points.stream().map(p -> px(p.x()) + "," + px(p.y())).collect(Collectors.joining(" "));
      polylines.add(new Polyline(joined, colour, px(stroke)));
      return this;
    }

    Builder circle(double cx, double cy, double r, String colour, String title) {
      circles.add(new Circle(px(cx), px(cy), px(r), colour, title));
      return this;
    }

    Builder text(double x, double y, String anchor, String text) {
      texts.add(new Text(px(x), px(y), anchor, text, false));
      return this;
    }

    Builder verticalText(double x, double y, String text) {
      texts.add(new Text(px(x), px(y), "middle", text, true));
      return this;
    }

    SvgChart build() {
      return new SvgChart(
          width,
          height,
          label,
          List.copyOf(lines),
          List.copyOf(polylines),
          List.copyOf(circles),
          List.copyOf(texts));
    }

    private static String px(double v) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
  }
}
