package dev.plandev.plans.report;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * A progress report over one or more plans: per plan, its overall progress and that of each phase
 * (top-level section). Several plans make a portfolio view with a total line.
 */
public final class PlanReport {
  /** One row of a report: a plan's phase. */
  record Phase(String id, String title, Progress progress) {}

  /** One plan of a report. */
  record PlanSummary(String file, String title, Progress progress, List<Phase> phases) {}

  private final String title;
  private final List<PlanSummary> plans;

  private PlanReport(String title, List<PlanSummary> plans) {
    this.title = title;
    this.plans = plans;
  }

  /**
   * Summarises {@code documents}; {@code files} names them in the report, in the same order.
   *
   * @throws IllegalArgumentException when the two lists differ in length
   */
  public static PlanReport of(String title, List<PlanDocument> documents, List<String> files) {
    if (documents.size() != files.size()) {
      throw new IllegalArgumentException(
          documents.size() + " documents but " + files.size() + " file names");
    }
    List<PlanSummary> plans = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      PlanDocument plan = documents.get(i);
      List<Phase> phases = new ArrayList<>();
      for (Section section : plan.root().children()) {
        phases.add(new Phase(section.id(), plain(section.title()), section.progress()));
      }
      plans.add(new PlanSummary(files.get(i), plain(plan.root().title()), plan.progress(), phases));
    }
    return new PlanReport(title, List.copyOf(plans));
  }

  /** The report in {@code format}. */
  public String render(ReportFormat format) {
    switch (format) {
      case HTML:
        return HtmlReport.render(this);
      case JSON:
        return JsonReport.render(this);
      default:
        return MarkdownReport.render(this);
    }
  }

  String title() {
    return title;
  }

  List<PlanSummary> plans() {
    return plans;
  }

  boolean isPortfolio() {
    return plans.size() > 1;
  }

  Progress total() {
    Progress total = Progress.NONE;
    for (PlanSummary plan : plans) {
      total = total.plus(plan.progress());
    }
    return total;
  }

  /** Heading text without emphasis marks, for display outside Markdown. */
  private static String plain(String markdown) {
    return markdown.replace("**", "").replace("__", "").replace("`", "").strip();
  }
}
