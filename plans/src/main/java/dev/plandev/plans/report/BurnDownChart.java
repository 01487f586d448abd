package dev.plandev.plans.report;

import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.history.Projection;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's burn-down chart as SVG markup (remaining tasks and effort per commit, and the projected
 * end), rendered from the same template as the HTML report's, for pages that show one plan.
 */
public final class BurnDownChart {
  static final String TEMPLATE = "dev/plandev/plans/report/burndown.svg.peb";

  private BurnDownChart() {}

  /** The chart's markup, escaped for HTML; empty when the history has fewer than two commits. */
  public static Optional<String> render(PlanHistory history) {
    if (history.points().size() < 2) {
      return Optional.empty();
    }
    BurnDown chart = BurnDown.of(history.points(), Projection.of(history.points()));
    StringWriter out = new StringWriter();
    try {
      HtmlReport.ENGINE.getTemplate(TEMPLATE).evaluate(out, Map.of("chart", chart), Locale.ROOT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(out.toString());
  }
}
