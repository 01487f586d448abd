package dev.plandev.plans.report;

import dev.plandev.plans.Progress;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link PlanReport} as a standalone HTML page with inline SVG progress bars, from the
 * Pebble template {@value #TEMPLATE}. The template holds all the markup and the engine escapes
 * every value for HTML; this class computes only the figures: counts, percentages, bar lengths.
 */
final class HtmlReport {
  static final String TEMPLATE = "dev/plandev/plans/report/report.html.peb";
  private static final int BAR_WIDTH = 200;
  private static final int BAR_HEIGHT = 12;

  /** Built once: the engine is thread-safe and caches the compiled template. */
  private static final PebbleEngine ENGINE =
      new PebbleEngine.Builder()
          .loader(new ClasspathLoader(HtmlReport.class.getClassLoader()))
          .autoEscaping(true)
          .defaultEscapingStrategy("html")
          .strictVariables(true)
          .build();

  private HtmlReport() {}

  static String render(PlanReport report) {
    Map<String, Object> model =
        Map.of("title", report.title(), "portfolio", portfolio(report), "plans", plans(report));
    StringWriter out = new StringWriter();
    try {
      ENGINE.getTemplate(TEMPLATE).evaluate(out, model, Locale.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The rows of the portfolio table, one per plan and a total; none for a single plan. */
  private static List<Row> portfolio(PlanReport report) {
    if (!report.isPortfolio()) {
      return List.of();
    }
    List<Row> rows = new ArrayList<>();
    for (PlanReport.PlanSummary plan : report.plans()) {
      rows.add(Row.of(plan.title() + " (" + plan.file() + ")", plan.progress()));
    }
    rows.add(Row.of("Total", report.total()));
    return rows;
  }

  private static List<Plan> plans(PlanReport report) {
    List<Plan> plans = new ArrayList<>();
    for (PlanReport.PlanSummary plan : report.plans()) {
      List<Row> phases = new ArrayList<>();
      for (PlanReport.Phase phase : plan.phases()) {
        phases.add(Row.of(phase.title(), phase.progress()));
      }
      plans.add(new Plan(plan.title(), plan.file(), Bar.of(plan.progress()), phases));
    }
    return plans;
  }

  private static String percentLabel(Progress progress) {
    return String.format(Locale.ROOT, "%.1f%%", progress.percent());
  }

  /** One plan's section: its title, file, overall bar and a row per phase. */
  record Plan(String title, String file, Bar bar, List<Row> phases) {}

  /**
   * One table row; a row without tasks ({@code counted} false) shows dashes and no bar.
   *
   * @param percent the share done, as printed ({@code 66.7%})
   */
  record Row(String label, boolean counted, int done, int total, String percent, Bar bar) {
    static Row of(String label, Progress progress) {
      return new Row(
          label,
          progress.total() > 0,
          progress.done(),
          progress.total(),
          percentLabel(progress),
          Bar.of(progress));
    }
  }

  /**
   * A progress bar whose {@code filled} part of {@code width} is the share done, green when
   * complete; its label reads out the percentage.
   */
  record Bar(int width, int height, String filled, String color, String label) {
    static Bar of(Progress progress) {
      double filled = BAR_WIDTH * progress.percent() / 100.0;
      return new Bar(
          BAR_WIDTH,
          BAR_HEIGHT,
          String.format(Locale.ROOT, "%.1f", filled),
          progress.complete() ? "#16a34a" : "#2563eb",
          percentLabel(progress));
    }
  }
}
