package dev.plandev.plans.report;

import dev.plandev.plans.Progress;
import java.util.Locale;

/** Renders a {@link PlanReport} as Markdown tables. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(PlanReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(report.title()).append("\n\n");
    if (report.isPortfolio()) {
      md.append("| Plan | Done | Progress |\n|---|---:|---:|\n");
      for (PlanReport.PlanSummary plan : report.plans()) {
        row(md, plan.title() + " (`" + plan.file() + "`)", plan.progress());
      }
      row(md, "**Total**", report.total());
      md.append('\n');
    }
    for (PlanReport.PlanSummary plan : report.plans()) {
      md.append("## ").append(plan.title()).append("\n\n");
      md.append("`").append(plan.file()).append("` — ").append(text(plan.progress()));
      md.append("\n\n| Phase | Done | Progress |\n|---|---:|---:|\n");
      for (PlanReport.Phase phase : plan.phases()) {
        row(md, escape(phase.title()), phase.progress());
      }
      md.append('\n');
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String label, Progress progress) {
    md.append("| ").append(label).append(" | ");
    if (progress.total() == 0) {
      md.append("– | – |\n");
    } else {
      md.append(progress.done()).append('/').append(progress.total()).append(" | ");
      md.append(String.format(Locale.ROOT, "%.1f%%", progress.percent())).append(" |\n");
    }
  }

  private static String text(Progress progress) {
    return progress.total() == 0
        ? "no tasks"
        : String.format(
            Locale.ROOT,
            "%d/%d tasks done (%.1f%%)",
            progress.done(),
            progress.total(),
            progress.percent());
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
