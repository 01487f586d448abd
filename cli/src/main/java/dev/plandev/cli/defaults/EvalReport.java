package dev.plandev.cli.defaults;

import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.rank.ReplayReport;
import dev.plandev.defaults.rank.ReplayReport.AccuracyPoint;
import dev.plandev.defaults.rank.ReplayReport.ReliabilityBin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report folder of {@code defaults eval --report}: the engine's metrics as JSON, its
 * reliability table as Markdown, and a self-contained HTML page charting accuracy over time and
 * calibration (inline SVG, no scripts or external files, so it opens anywhere).
 */
final class EvalReport {
  static final String METRICS = "metrics.json";
  static final String RELIABILITY = "reliability.md";
  static final String PAGE = "report.html";

  private static final String[] COLOURS = {"#1f5fa8", "#b35c00", "#6b6b6b", "#2e7d32"};

  private EvalReport() {}

  /** Writes the three files into {@code dir}, creating it; {@code reports} has the engine first. */
  static void write(Path dir, Path replay, Map<String, ReplayReport> reports, double seconds) {
    ReplayReport engine = reports.get(EvalCommand.ENGINE);
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(METRICS), engine.toJson() + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(RELIABILITY), markdown(engine), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve(PAGE), html(replay, reports, seconds), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlandevException("cannot write the report to " + dir + ": " + e, e);
    }
  }

  /** The reliability table: one row per confidence bin that holds predictions. */
  static String markdown(ReplayReport engine) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Reliability of the first value's confidence\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Expected calibration error: %.4f over %d ranked events.%n%n",
                engine.expectedCalibrationError(),
                engine.reliability().stream().mapToInt(ReliabilityBin::count).sum()))
        .append("| bin | count | mean confidence | observed frequency |\n")
        .append("|-----|------:|----------------:|-------------------:|\n");
    for (ReliabilityBin b : engine.reliability()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| [%.1f, %.1f) | %d | %.4f | %.4f |%n",
              b.from(),
              b.to(),
              b.count(),
              b.meanConfidence(),
              b.observedFrequency()));
    }
    return sb.toString();
  }

  static String html(Path replay, Map<String, ReplayReport> reports, double seconds) {
    ReplayReport engine = reports.get(EvalCommand.ENGINE);
    List<AccuracyPoint> points = engine.accuracyOverTime();
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>Replay evaluation: ")
        .append(escape(String.valueOf(replay.getFileName())))
        .append("</title>\n<style>\n")
        .append("body{font:15px/1.45 system-ui,sans-serif;color:#222;max-width:960px;")
        .append("margin:24px auto;padding:0 16px}\n")
        .append("h1{font-size:22px;margin-bottom:4px}h2{font-size:18px;margin-top:28px}\n")
        .append(".sub{color:#555;margin-top:0}\n")
        .append("table{border-collapse:collapse;margin:8px 0}\n")
        .append("th,td{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}\n")
        .append("th:first-child,td:first-child{text-align:left}\n")
        .append("tr.engine td{font-weight:600}\n")
        .append(".note{color:#555;font-size:13px;max-width:760px}\n")
        .append("svg text{font:12px system-ui,sans-serif;fill:#333}\n")
        .append(".row{display:flex;gap:32px;flex-wrap:wrap;align-items:flex-start}\n")
        .append(".row>div{max-width:480px}\n")
        .append("</style>\n</head>\n<body>\n");
    sb.append("<h1>Replay evaluation</h1>\n<p class=\"sub\">")
        .append(escape(replay.toString()))
        .append(" &middot; ")
        .append(String.format(Locale.ROOT, "%,d", engine.events()))
        .append(" events");
    if (!points.isEmpty()) {
      sb.append(" up to ").append(date(points.get(points.size() - 1).ts()));
    }
    sb.append(
            String.format(
                Locale.ROOT, " &middot; engine replay %.1f s on a fresh engine</p>%n", seconds))
        .append("<h2>Metrics</h2>\n")
        .append(metricsTable(reports))
        .append("<p class=\"note\">Each event is ranked using only earlier events, then learned.")
        .append(" <b>top1</b>/<b>top3</b>: share of events whose chosen value was ranked first /")
        .append(" in the first three; <b>mrr</b>: mean of 1/rank over the first ten (0 beyond);")
        .append(" <b>coverage</b>: share whose value was a known candidate at all;")
        .append(" <b>p50/p99</b>: rank latency in microseconds.</p>\n");
    sb.append("<h2>Accuracy over time</h2>\n").append(accuracyChart(reports));
    sb.append("<p class=\"note\">")
        .append(
            String.format(
                Locale.ROOT,
                "Top-1 accuracy and MRR of the engine in %d consecutive windows of about %,d"
                    + " events, plotted at each window's last event.",
                points.size(),
                points.isEmpty() ? 0 : Math.max(1, engine.events() / points.size())));
    sb.append(
        reports.size() > 1
            ? " Dotted line: the engine's top-1 over the whole replay; dashed lines: the same for"
                + " the simple rules it must beat."
            : " Dotted line: the engine's top-1 over the whole replay.");
    sb.append("</p>\n");
    sb.append("<h2>Calibration</h2>\n<div class=\"row\">\n")
        .append(reliabilityChart(engine))
        .append("<div>\n")
        .append(reliabilityTable(engine))
        .append("<p class=\"note\">")
        .append(
            String.format(
                Locale.ROOT,
                "Expected calibration error %.3f. The engine's confidence in its first value,"
                    + " grouped in bins, against how often that value was the one chosen. Points"
                    + " on the diagonal are perfectly calibrated; below it, over-confident. Dot"
                    + " area is proportional to the number of events in the bin.",
                engine.expectedCalibrationError()))
        .append("</p>\n</div>\n</div>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static String metricsTable(Map<String, ReplayReport> reports) {
    StringBuilder sb =
        new StringBuilder(
            "<table>\n<tr><th>strategy</th><th>top1</th><th>top3</th><th>mrr</th>"
                + "<th>coverage</th><th>p50 µs</th><th>p99 µs</th></tr>\n");
    for (Map.Entry<String, ReplayReport> e : reports.entrySet()) {
      ReplayReport r = e.getValue();
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr%s><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td><td>%.3f</td>"
                  + "<td>%.1f</td><td>%.1f</td></tr>%n",
              e.getKey().equals(EvalCommand.ENGINE) ? " class=\"engine\"" : "",
              escape(e.getKey().replace('_', ' ')),
              r.top1(),
              r.top3(),
              r.mrr(),
              r.coverage(),
              r.p50Us(),
              r.p99Us()));
    }
    return sb.append("</table>\n").toString();
  }

  /*
   * Both charts map data to pixels with the same arithmetic: a plot box (left, top, width,
   * height) inside the SVG, x growing rightwards, y growing upwards from the box's bottom edge.
   */

  private static String accuracyChart(Map<String, ReplayReport> reports) {
    List<AccuracyPoint> points = reports.get(EvalCommand.ENGINE).accuracyOverTime();
    int width = 930;
    int height = 340;
    Box box = new Box(56, 34, width - 56 - 190, height - 34 - 64);
    double xMax = points.isEmpty() ? 1 : points.get(points.size() - 1).toEvent();
    StringBuilder sb = svgOpen(width, height, "Top-1 accuracy and MRR over time");
    yGrid(sb, box);
    // x ticks: five event counts, each with the date of the nearest window under it.
    for (int i = 0; i <= 4; i++) {
      double v = xMax * i / 4;
      double x = box.x(v / xMax);
      line(sb, x, box.bottom(), x, box.bottom() + 5, "#888", 1, null);
      text(sb, x, box.bottom() + 19, "middle", String.format(Locale.ROOT, "%,d", (long) v));
      AccuracyPoint near = nearest(points, v);
      if (near != null) {
        text(sb, x, box.bottom() + 34, "middle", date(near.ts()));
      }
    }
    text(sb, box.x(0.5), height - 8, "middle", "events replayed (date of the event)");
    // The overall top-1 of each strategy as a horizontal line, labelled in the right margin;
    // labels closer than a line of text are pushed down so that none hides another.
    List<Map.Entry<String, ReplayReport>> overall = new ArrayList<>(reports.entrySet());
    overall.sort(Comparator.comparingDouble(e -> -e.getValue().top1()));
    double lastLabel = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, ReplayReport> e : overall) {
      boolean engine = e.getKey().equals(EvalCommand.ENGINE);
      double y = box.y(e.getValue().top1());
      line(
          sb,
          box.left,
          y,
          box.right(),
          y,
          engine ? COLOURS[0] : COLOURS[2],
          1,
          engine ? "2 3" : "5 4");
      lastLabel = Math.max(y + 4, lastLabel + 14);
      text(
          sb,
          box.right() + 8,
          lastLabel,
          "start",
          String.format(Locale.ROOT, "%s %.3f", e.getKey().replace('_', ' '), e.getValue().top1()));
    }
    StringBuilder top1 = new StringBuilder();
    StringBuilder mrr = new StringBuilder();
    for (AccuracyPoint p : points) {
      double x = box.x(p.toEvent() / xMax);
      top1.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, box.y(p.top1())));
      mrr.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, box.y(p.mrr())));
    }
    polyline(sb, mrr.toString(), COLOURS[1], 1.5);
    polyline(sb, top1.toString(), COLOURS[0], 2.5);
    legend(sb, box.left + 10, 16, COLOURS[0], "top-1 accuracy");
    legend(sb, box.left + 150, 16, COLOURS[1], "MRR");
    return sb.append("</svg>\n").toString();
  }

  private static String reliabilityChart(ReplayReport engine) {
    int size = 400;
    Box box = new Box(56, 20, size - 56 - 20, size - 20 - 56);
    StringBuilder sb = svgOpen(size, size, "Reliability diagram: confidence against observed");
    yGrid(sb, box);
    for (int i = 0; i <= 5; i++) {
      double x = box.x(i / 5.0);
      line(sb, x, box.bottom(), x, box.bottom() + 5, "#888", 1, null);
      text(sb, x, box.bottom() + 19, "middle", String.format(Locale.ROOT, "%.1f", i / 5.0));
    }
    text(sb, box.x(0.5), size - 14, "middle", "confidence of the first value");
    sb.append(
        String.format(
            Locale.ROOT,
            "<text transform=\"translate(14,%.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "observed: was it the chosen value?</text>%n",
            box.y(0.5)));
    line(sb, box.x(0), box.y(0), box.x(1), box.y(1), "#999", 1.5, "6 4");
    List<ReliabilityBin> bins = engine.reliability();
    int max = bins.stream().mapToInt(ReliabilityBin::count).max().orElse(1);
    StringBuilder path = new StringBuilder();
    for (ReliabilityBin b : bins) {
      path.append(
          String.format(
              Locale.ROOT, "%.1f,%.1f ", box.x(b.meanConfidence()), box.y(b.observedFrequency())));
    }
    polyline(sb, path.toString(), COLOURS[0], 1.5);
    for (ReliabilityBin b : bins) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" fill-opacity=\"0.55\""
                  + " stroke=\"%s\"><title>confidence [%.1f, %.1f): %d events, mean %.3f,"
                  + " observed %.3f</title></circle>%n",
              box.x(b.meanConfidence()),
              box.y(b.observedFrequency()),
              3 + 11 * Math.sqrt((double) b.count() / max),
              COLOURS[0],
              COLOURS[0],
              b.from(),
              b.to(),
              b.count(),
              b.meanConfidence(),
              b.observedFrequency()));
    }
    line(sb, box.x(0.04), box.y(0.95), box.x(0.13), box.y(0.95), "#999", 1.5, "6 4");
    text(sb, box.x(0.16), box.y(0.95) + 4, "start", "perfectly calibrated");
    sb.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"%s\" fill-opacity=\"0.55\""
                + " stroke=\"%s\"/>%n",
            box.x(0.085),
            box.y(0.87),
            COLOURS[0],
            COLOURS[0]));
    text(sb, box.x(0.16), box.y(0.87) + 4, "start", "engine, one dot per bin");
    return sb.append("</svg>\n").toString();
  }

  private static String reliabilityTable(ReplayReport engine) {
    StringBuilder sb =
        new StringBuilder(
            "<table>\n<tr><th>confidence bin</th><th>count</th><th>mean confidence</th>"
                + "<th>observed frequency</th></tr>\n");
    for (ReliabilityBin b : engine.reliability()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<tr><td>[%.1f, %.1f)</td><td>%,d</td><td>%.3f</td><td>%.3f</td></tr>%n",
              b.from(),
              b.to(),
              b.count(),
              b.meanConfidence(),
              b.observedFrequency()));
    }
    return sb.append("</table>\n").toString();
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

  private static StringBuilder svgOpen(int width, int height, String label) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n",
            width,
            height,
            width,
            height,
            escape(label)));
  }

  /** Horizontal grid lines and labels at 0, 0.2, ..., 1 on the y axis, and the box's frame. */
  private static void yGrid(StringBuilder sb, Box box) {
    for (int i = 0; i <= 5; i++) {
      double y = box.y(i / 5.0);
      line(sb, box.left, y, box.right(), y, i == 0 ? "#888" : "#e3e3e3", 1, null);
      text(sb, box.left - 8, y + 4, "end", String.format(Locale.ROOT, "%.1f", i / 5.0));
    }
    line(sb, box.left, box.top, box.left, box.bottom(), "#888", 1, null);
  }

  private static void legend(StringBuilder sb, double x, double y, String colour, String label) {
    line(sb, x, y - 4, x + 24, y - 4, colour, 2.5, null);
    text(sb, x + 30, y, "start", label);
  }

  private static void line(
      StringBuilder sb,
      double x1,
      double y1,
      double x2,
      double y2,
      String colour,
      double stroke,
      String dash) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\""
                + " stroke-width=\"%.1f\"%s/>%n",
            x1,
            y1,
            x2,
            y2,
            colour,
            stroke,
            dash == null ? "" : " stroke-dasharray=\"" + dash + "\""));
  }

  private static void polyline(StringBuilder sb, String points, String colour, double stroke) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\""
                + " stroke-linejoin=\"round\"/>%n",
            points.trim(),
            colour,
            stroke));
  }

  private static void text(StringBuilder sb, double x, double y, String anchor, String text) {
    sb.append(
        String.format(
            Locale.ROOT,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n",
            x,
            y,
            anchor,
            escape(text)));
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

  private static String date(Instant ts) {
    return ts.atZone(ZoneOffset.UTC).toLocalDate().toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
