package dev.plandev.cli.defaults;

import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.rank.ReplayReport;
import dev.plandev.defaults.rank.ReplayReport.AccuracyPoint;
import dev.plandev.defaults.rank.ReplayReport.ReliabilityBin;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report folder of {@code defaults eval --report}: the engine's metrics as JSON, its
 * reliability table as Markdown, and a self-contained HTML page charting accuracy over time and
 * calibration, rendered from the Pebble template {@value #TEMPLATE} beside this class.
 */
final class EvalReport {
  static final String METRICS = "metrics.json";
  static final String RELIABILITY = "reliability.md";
  static final String PAGE = "report.html";

  private static final String TEMPLATE = "eval-report.html.peb";

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

  /** The HTML page: the metrics of every strategy, accuracy over time and calibration. */
  static String html(Path replay, Map<String, ReplayReport> reports, double seconds) {
    ReplayReport engine = reports.get(EvalCommand.ENGINE);
    List<AccuracyPoint> points = engine.accuracyOverTime();
    Map<String, Object> page = new HashMap<>();
    page.put("fileName", String.valueOf(replay.getFileName()));
    page.put("replay", replay.toString());
    page.put("events", String.format(Locale.ROOT, "%,d", engine.events()));
    page.put(
        "lastDate", points.isEmpty() ? null : EvalCharts.date(points.get(points.size() - 1).ts()));
    page.put("seconds", String.format(Locale.ROOT, "%.1f", seconds));
    page.put("metrics", reports.entrySet().stream().map(MetricRow::of).toList());
    page.put("accuracy", EvalCharts.accuracy(reports));
    page.put("windows", points.size());
    page.put(
        "windowSize",
        String.format(
            Locale.ROOT,
            "%,d",
            points.isEmpty() ? 0 : Math.max(1, engine.events() / points.size())));
    page.put("baselines", reports.size() > 1);
    page.put("reliability", EvalCharts.reliability(engine));
    page.put("bins", engine.reliability().stream().map(BinRow::of).toList());
    page.put("ece", String.format(Locale.ROOT, "%.3f", engine.expectedCalibrationError()));
    return render(page);
  }

  private static String render(Map<String, Object> page) {
    ClasspathLoader loader = new ClasspathLoader(EvalReport.class.getClassLoader());
    loader.setPrefix(EvalReport.class.getPackageName().replace('.', '/'));
    PebbleEngine pebble =
        new PebbleEngine.Builder()
            .loader(loader)
            .autoEscaping(true)
            .strictVariables(true)
            .defaultLocale(Locale.ROOT)
            .build();
    StringWriter out = new StringWriter();
    try {
      pebble.getTemplate(TEMPLATE).evaluate(out, page);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + TEMPLATE, e);
    }
    return out.toString();
  }

  /** One row of the metrics table, figures formatted as the page shows them. */
  record MetricRow(
      String name,
      boolean engine,
      String top1,
      String top3,
      String mrr,
      String coverage,
      String p50,
      String p99) {
    static MetricRow of(Map.Entry<String, ReplayReport> strategy) {
      ReplayReport r = strategy.getValue();
      return new MetricRow(
          strategy.getKey().replace('_', ' '),
          strategy.getKey().equals(EvalCommand.ENGINE),
          format("%.3f", r.top1()),
          format("%.3f", r.top3()),
          format("%.3f", r.mrr()),
          format("%.3f", r.coverage()),
          format("%.1f", r.p50Us()),
          format("%.1f", r.p99Us()));
    }
  }

  /** One row of the calibration table. */
  record BinRow(
      String from, String to, String count, String meanConfidence, String observedFrequency) {
    static BinRow of(ReliabilityBin b) {
      return new BinRow(
          format("%.1f", b.from()),
          format("%.1f", b.to()),
          format("%,d", b.count()),
          format("%.3f", b.meanConfidence()),
          format("%.3f", b.observedFrequency()));
    }
  }

  private static String format(String pattern, Object value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
