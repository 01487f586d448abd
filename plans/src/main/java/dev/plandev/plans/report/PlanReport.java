package dev.plandev.plans.report;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.effort.BlockedTask;
import dev.plandev.plans.effort.CriticalPath;
import dev.plandev.plans.effort.EffortTally;
import dev.plandev.plans.effort.PlanEffort;
import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.metadata.Effort;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A progress report over one or more plans: per plan, its overall progress and that of each phase
 * (top-level section), effort done and left, blocked tasks, dependency cycles and the critical
 * path. Several plans make a portfolio view with a total line.
 */
public final class PlanReport {
  /** One row of a report: a plan's phase. */
  record Phase(String id, String title, Progress progress, EffortTally effort) {}

  /**
   * One task of a critical path, as a report shows it.
   *
   * @param id the task id, {@code other.md#2.1} for a task of another plan
   * @param text the task's text
   * @param effort its effort, none when untagged
   * @param blocked whether it is tagged {@code #status:blocked}
   */
  record PathStep(String id, String text, Effort effort, boolean blocked) {}

  /**
   * One plan of a report.
   *
   * @param path the critical path, first task to do first; empty when it has no effort and a single
   *     task, which says nothing
   * @param pathTotal the critical path's effort
   * @param cycles dependency cycles as id chains back to their start ({@code 1.1 → 1.2 → 1.1})
   * @param history the plan's git history, or null when it has none
   */
  record PlanSummary(
      String file,
      String title,
      Progress progress,
      List<Phase> phases,
      EffortTally effort,
      List<BlockedTask> blocked,
      List<PathStep> path,
      Effort pathTotal,
      List<String> cycles,
      PlanHistory history) {

    boolean hasCriticalPath() {
      return !path.isEmpty();
    }
  }

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
    List<PlanHistory> none = new ArrayList<>();
    documents.forEach(d -> none.add(null));
    return of(title, documents, files, none);
  }

  /**
   * Summarises {@code documents} with their git histories ({@code histories}, in the same order, an
   * element null for a plan without history): the HTML report draws a burn-down chart for each
   * history.
   *
   * @throws IllegalArgumentException when the lists differ in length
   */
  public static PlanReport of(
      String title, List<PlanDocument> documents, List<String> files, List<PlanHistory> histories) {
    if (documents.size() != files.size() || documents.size() != histories.size()) {
      throw new IllegalArgumentException(
          documents.size() + " documents but " + files.size() + " file names");
    }
    List<PlanSummary> plans = new ArrayList<>();
    for (int i = 0; i < documents.size(); i++) {
      PlanDocument plan = documents.get(i);
      DependencyGraph graph = DependencyGraph.of(plan);
      PlanEffort effort = PlanEffort.of(graph);
      CriticalPath critical = CriticalPath.of(graph);
      List<Phase> phases = new ArrayList<>();
      for (Section section : plan.root().children()) {
        phases.add(
            new Phase(
                section.id(), plain(section.title()), section.progress(), effort.of(section)));
      }
      plans.add(
          new PlanSummary(
              files.get(i),
              plain(plan.root().title()),
              plan.progress(),
              phases,
              effort.total(),
              effort.blocked(),
              steps(plan, critical),
              critical.total(),
              cycles(critical),
              histories.get(i)));
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

  EffortTally totalEffort() {
    EffortTally total = EffortTally.NONE;
    for (PlanSummary plan : plans) {
      total = total.plus(plan.effort());
    }
    return total;
  }

  Progress total() {
    Progress total = Progress.NONE;
    for (PlanSummary plan : plans) {
      total = total.plus(plan.progress());
    }
    return total;
  }

  private static List<PathStep> steps(PlanDocument plan, CriticalPath critical) {
    if (critical.total().minutes() == 0 && critical.steps().size() < 2) {
      return List.of();
    }
    List<PathStep> out = new ArrayList<>();
    for (CriticalPath.Step step : critical.steps()) {
      String id =
          step.plan() == plan ? step.task().id() : step.plan().name() + "#" + step.task().id();
      out.add(new PathStep(id, step.task().text().strip(), step.effort(), step.blocked()));
    }
    return List.copyOf(out);
  }

  private static List<String> cycles(CriticalPath critical) {
    List<String> out = new ArrayList<>();
    for (List<Task> cycle : critical.cycles()) {
      String ids = cycle.stream().map(Task::id).collect(Collectors.joining(" → "));
      out.add(ids + " → " + cycle.get(0).id());
    }
    return List.copyOf(out);
  }

  /** Heading text without emphasis marks, for display outside Markdown. */
  private static String plain(String markdown) {
    return markdown.replace("**", "").replace("__", "").replace("`", "").strip();
  }
}
