package dev.plandev.plans.report;

import dev.plandev.plans.Progress;
import dev.plandev.plans.effort.BlockedTask;
import dev.plandev.plans.effort.EffortTally;
import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.history.Projection;
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

  /**
   * Built once: the engine is thread-safe and caches the compiled templates (this page's and the
   * burn-down chart's, which {@link BurnDownChart} also renders alone).
   */
  static final PebbleEngine ENGINE =
      new PebbleEngine.Builder()
          .loader(new ClasspathLoader(HtmlReport.class.getClassLoader()))
          .autoEscaping(true)
          .defaultEscapingStrategy("html")
          .strictVariables(true)
          .build();

  private HtmlReport() {}

  static String render(PlanReport report) {
    Map<String, Object> model =
        Map.of(
            "title",
            report.title(),
            "portfolio",
            portfolio(report),
            "portfolioEffort",
            report.totalEffort().estimated(),
            "plans",
            plans(report));
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
      rows.add(Row.of(plan.title() + " (" + plan.file() + ")", plan.progress(), plan.effort()));
    }
    rows.add(Row.of("Total", report.total(), report.totalEffort()));
    return rows;
  }

  private static List<Plan> plans(PlanReport report) {
    List<Plan> plans = new ArrayList<>();
    for (PlanReport.PlanSummary plan : report.plans()) {
      List<Row> phases = new ArrayList<>();
      for (PlanReport.Phase phase : plan.phases()) {
        phases.add(Row.of(phase.title(), phase.progress(), phase.effort()));
      }
      List<Blocked> blocked = new ArrayList<>();
      for (BlockedTask b : plan.blocked()) {
        blocked.add(new Blocked(b.task().id(), b.task().text().strip(), b.reason()));
      }
      plans.add(
          new Plan(
              plan.title(),
              plan.file(),
              Bar.of(plan.progress()),
              phases,
              plan.effort().estimated(),
              effortLine(plan.effort()),
              plan.hasCriticalPath() ? plan.path() : List.of(),
              plan.pathTotal().toString(),
              blocked,
              plan.cycles(),
              charts(plan.history())));
    }
    return plans;
  }

  private static String percentLabel(Progress progress) {
    return String.format(Locale.ROOT, "%.1f%%", progress.percent());
  }

  private static String effortLine(EffortTally e) {
    if (!e.estimated()) {
      return "";
    }
    return e.done()
        + " done of "
        + e.total()
        + ", "
        + e.remaining()
        + " left"
        + (e.unestimated() > 0 ? "; " + e.unestimated() + " task(s) without effort" : "");
  }

  /**
   * One plan's section: its title, file, overall bar, a row per phase, and its effort figures.
   *
   * @param withEffort whether the plan has effort tags, so phase rows show effort columns
   * @param effort the effort sentence, empty when the plan has no effort tags
   * @param path the critical path, empty when not worth showing
   * @param charts the burn-down chart, when the plan has a git history of two commits or more
   */
  record Plan(
      String title,
      String file,
      Bar bar,
      List<Row> phases,
      boolean withEffort,
      String effort,
      List<PlanReport.PathStep> path,
      String pathTotal,
      List<Blocked> blocked,
      List<String> cycles,
      List<BurnDown> charts) {}

  /** The burn-down chart of a history: none without history or with a single commit. */
  private static List<BurnDown> charts(PlanHistory history) {
    if (history == null || history.points().size() < 2) {
      return List.of();
    }
    return List.of(BurnDown.of(history.points(), Projection.of(history.points())));
  }

  /** A blocked task and why. */
  record Blocked(String id, String text, String reason) {}

  /**
   * One table row; a row without tasks ({@code counted} false) shows dashes and no bar.
   *
   * @param percent the share done, as printed ({@code 66.7%})
   * @param effort effort done of total ({@code 4h/1d}), empty when none is estimated
   * @param left effort left, empty when none is estimated
   */
  record Row(
      String label,
      boolean counted,
      int done,
      int total,
      String percent,
      Bar bar,
      String effort,
      String left,
      int blocked) {
    static Row of(String label, Progress progress, EffortTally e) {
      return new Row(
          label,
          progress.total() > 0,
          progress.done(),
          progress.total(),
          percentLabel(progress),
          Bar.of(progress),
          e.estimated() ? e.done() + "/" + e.total() : "",
          e.estimated() ? e.remaining().toString() : "",
          e.blocked());
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
