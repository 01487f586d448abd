package dev.plandev.plans.report;

import dev.plandev.plans.Progress;
import java.util.Locale;

/** Renders a {@link PlanReport} as a standalone HTML page with inline SVG progress bars. */
final class HtmlReport {
  private static final int BAR_WIDTH = 200;
  private static final int BAR_HEIGHT = 12;

  private final PlanReport report;
  private final StringBuilder html = new StringBuilder();

  HtmlReport(PlanReport report) {
    this.report = report;
  }

  String render() {
    html.append("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>")
        .append(escape(report.title()))
        .append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2rem;color:#111}")
        .append("table{border-collapse:collapse;margin-bottom:2rem}")
        .append("td,th{padding:.25rem .75rem;text-align:left;border-bottom:1px solid #ddd}")
        .append("td.n{text-align:right;font-variant-numeric:tabular-nums}")
        .append("</style>\n</head>\n<body>\n<h1>")
        .append(escape(report.title()))
        .append("</h1>\n");
    if (report.isPortfolio()) {
      html.append("<table class=\"portfolio\">\n<tr><th>Plan</th><th>Done</th><th>Progress</th>")
          .append("<th></th></tr>\n");
      for (PlanReport.PlanSummary plan : report.plans()) {
        row(plan.title() + " (" + plan.file() + ")", plan.progress());
      }
      row("Total", report.total());
      html.append("</table>\n");
    }
    for (PlanReport.PlanSummary plan : report.plans()) {
      html.append("<section>\n<h2>")
          .append(escape(plan.title()))
          .append("</h2>\n<p>")
          .append(escape(plan.file()))
          .append(' ')
          .append(bar(plan.progress()))
          .append("</p>\n")
          .append("<table>\n<tr><th>Phase</th><th>Done</th><th>Progress</th><th></th></tr>\n");
      for (PlanReport.Phase phase : plan.phases()) {
        row(phase.title(), phase.progress());
      }
      html.append("</table>\n</section>\n");
    }
    html.append("</body>\n</html>\n");
    return html.toString();
  }

  private void row(String label, Progress progress) {
    html.append("<tr><td>").append(escape(label)).append("</td>");
    if (progress.total() == 0) {
      html.append("<td class=\"n\">–</td><td class=\"n\">–</td><td></td></tr>\n");
      return;
    }
    html.append("<td class=\"n\">")
        .append(progress.done())
        .append('/')
        .append(progress.total())
        .append("</td><td class=\"n\">")
        .append(percent(progress))
        .append("</td><td>")
        .append(bar(progress))
        .append("</td></tr>\n");
  }

  /** A bar whose green part is the share done; its label reads out the percentage. */
  static String bar(Progress progress) {
    double filled = BAR_WIDTH * progress.percent() / 100.0;
    return String.format(
        Locale.ROOT,
        "<svg class=\"bar\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">"
            + "<rect width=\"%d\" height=\"%d\" rx=\"3\" fill=\"#e5e7eb\"/>"
            + "<rect width=\"%.1f\" height=\"%d\" rx=\"3\" fill=\"%s\"/></svg>",
        BAR_WIDTH,
        BAR_HEIGHT,
        percent(progress),
        BAR_WIDTH,
        BAR_HEIGHT,
        filled,
        BAR_HEIGHT,
        progress.complete() ? "#16a34a" : "#2563eb");
  }

  private static String percent(Progress progress) {
    return String.format(Locale.ROOT, "%.1f%%", progress.percent());
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
