package dev.plandev.plans.report;

import dev.plandev.plans.Progress;
import dev.plandev.plans.effort.BlockedTask;
import dev.plandev.plans.effort.EffortTally;
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
      boolean withEffort = plan.effort().estimated();
      md.append("\n\n| Phase | Done | Progress |");
      md.append(
          withEffort
              ? " Effort done | Effort left |\n|---|---:|---:|---:|---:|\n"
              : "\n|---|---:|---:|\n");
      for (PlanReport.Phase phase : plan.phases()) {
        row(md, escape(phase.title()), phase.progress());
        if (withEffort) {
          md.setLength(md.length() - 1);
          EffortTally e = phase.effort();
          md.append(
              e.estimated()
                  ? " " + e.done() + "/" + e.total() + " | " + e.remaining() + " |\n"
                  : " – | – |\n");
        }
      }
      md.append('\n');
      effort(md, plan);
    }
    return md.toString();
  }

  /** Effort, blocked tasks, cycles and critical path of one plan, each only when there is some. */
  private static void effort(StringBuilder md, PlanReport.PlanSummary plan) {
    EffortTally e = plan.effort();
    if (e.estimated()) {
      md.append("**Effort**: ").append(e.done()).append(" done of ").append(e.total());
      md.append(", ").append(e.remaining()).append(" left");
      if (e.unestimated() > 0) {
        md.append("; ").append(e.unestimated()).append(" task(s) without effort");
      }
      md.append(".\n\n");
    }
    if (plan.hasCriticalPath()) {
      md.append("**Critical path** (")
          .append(plan.pathTotal())
          .append(" of remaining effort):\n\n");
      for (PlanReport.PathStep step : plan.path()) {
        md.append("1. `").append(step.id()).append("` ").append(step.text());
        md.append(" — ").append(step.effort().minutes() > 0 ? step.effort() : "no effort");
        md.append(step.blocked() ? " — **blocked**" : "").append('\n');
      }
      md.append('\n');
    }
    if (!plan.blocked().isEmpty()) {
      md.append("**Blocked tasks** (").append(plan.blocked().size()).append("):\n\n");
      for (BlockedTask b : plan.blocked()) {
        md.append("- `").append(b.task().id()).append("` ").append(b.task().text().strip());
        md.append(" — ").append(b.reason()).append('\n');
      }
      md.append('\n');
    }
    if (!plan.cycles().isEmpty()) {
      md.append("**Dependency cycles** (not followed by the critical path):\n\n");
      for (String cycle : plan.cycles()) {
        md.append("- ").append(cycle).append('\n');
      }
      md.append('\n');
    }
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
