package dev.plandev.plans.report;

import java.util.Locale;

/** Output formats of {@link PlanReport}. */
public enum ReportFormat {
  /** Markdown tables, to paste in a README or a pull request. */
  MD,
  /** A standalone HTML page with SVG progress bars. */
  HTML,
  /** Machine-readable JSON. */
  JSON;

  /** Parses {@code md}, {@code html} or {@code json}, ignoring case. */
  public static ReportFormat parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
