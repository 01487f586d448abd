package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.PlanDependents;
import dev.plandev.plans.dependency.ResolvedDependency;
import dev.plandev.plans.dependency.TaskOverview;
import dev.plandev.plans.metadata.Effort;
import dev.plandev.plans.metadata.Tag;
import dev.plandev.plans.metadata.TaskMetadata;
import dev.plandev.plans.metadata.TaskState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev show PLAN ID}: one task with its subtasks, metadata, the tasks it depends on and
 * the tasks that depend on it.
 */
@Command(
    name = "show",
    description = {
      "Show one task: its subtasks, its #key:value metadata, what it depends on and what depends"
          + " on it, in this plan and in the other plans of its folder (or of --root).",
      "Effort values: 30min, 2h, 1.5d, 3j, 1w; a day (d, j) is 8 hours and a week (w, s) 5 days."
    },
    mixinStandardHelpOptions = true)
final class ShowCommand implements Callable<Integer> {
  private static final String LABEL = "  %-11s %s%n";
  private static final int SHORT = 60;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Parameters(
      index = "1",
      paramLabel = "ID",
      description = "Task id as next and check show it (2.1.3, 2.1#4), or a unique text fragment.")
  String id;

  @Option(
      names = "--root",
      paramLabel = "PATH",
      description =
          "Plan files or folders to search for tasks of other plans that depend on this one"
              + " (repeatable; default: the plan's folder).")
  List<Path> roots = new ArrayList<>();

  @Override
  public Integer call() {
    PlanDocument document = PlanDocument.parse(plan);
    Task task = document.task(id);
    DependencyGraph graph = DependencyGraph.of(document);
    PrintWriter out = spec.commandLine().getOut();

    out.println(line(task));
    String path = String.join(" > ", task.section().path());
    out.printf(
        "  %s line %d%s%n", document.name(), task.line(), path.isEmpty() ? "" : " · " + path);
    printMetadata(out, task);
    TaskOverview overview = TaskOverview.of(graph, task);
    printSubtasks(out, overview);
    printDependencies(out, overview, otherPlans(document, task));
    out.flush();
    return 0;
  }

  private static void printMetadata(PrintWriter out, Task task) {
    TaskMetadata m = task.metadata();
    out.printf(
        LABEL,
        "state:",
        task.state().label()
            + m.unknownStatus()
                .map(
                    v ->
                        " (#status:"
                            + v
                            + " is not a status, so the task counts as open; use one of "
                            + TaskState.ACCEPTED
                            + ")")
                .orElse(""));
    m.effortText()
        .ifPresent(
            text ->
                out.printf(
                    LABEL,
                    "effort:",
                    m.effort()
                        .map(Effort::toString)
                        .orElse(text + " (not an effort; write e.g. 30min, 2h, 1.5d)")));
    m.value("priority").ifPresent(v -> out.printf(LABEL, "priority:", v));
    m.category().ifPresent(v -> out.printf(LABEL, "category:", v));
    m.owner().ifPresent(v -> out.printf(LABEL, "owner:", v));
    List<Tag> others = m.otherTags();
    if (!others.isEmpty()) {
      String shown = others.stream().map(Tag::toString).collect(Collectors.joining(" "));
      out.printf(LABEL, "other tags:", shown);
    }
  }

  private static void printSubtasks(PrintWriter out, TaskOverview overview) {
    List<Task> subtree = overview.subtasks();
    if (subtree.isEmpty()) {
      return;
    }
    Task task = overview.task();
    out.printf(LABEL, "subtasks:", overview.subtasksDone() + "/" + subtree.size() + " done");
    for (Task sub : subtree) {
      out.println("  ".repeat(2 + sub.depth() - task.depth() - 1) + line(sub));
    }
  }

  private List<PlanDependents.Dependent> otherPlans(PlanDocument document, Task task) {
    List<Path> searched = roots;
    if (searched.isEmpty()) {
      Path folder = plan.toAbsolutePath().getParent();
      searched = folder == null ? List.of() : List.of(folder);
    }
    return PlanDependents.of(document, task, searched);
  }

  private static void printDependencies(
      PrintWriter out, TaskOverview overview, List<PlanDependents.Dependent> others) {
    List<ResolvedDependency> dependencies = overview.dependencies();
    if (!dependencies.isEmpty()) {
      out.println("  depends on:");
      for (ResolvedDependency d : dependencies) {
        String ref = d.dependency().plan() == null ? "" : d.dependency().plan() + "#";
        out.println(
            "    "
                + (d.task() == null
                    ? d.dependency() + " missing: " + d.problem()
                    : ref + line(d.task())));
      }
    }
    List<Task> dependents = overview.dependents();
    if (!dependents.isEmpty() || !others.isEmpty()) {
      out.println("  needed by:");
      dependents.forEach(t -> out.println("    " + line(t)));
      others.forEach(d -> out.println("    " + d.plan().name() + "#" + line(d.task())));
    }
  }

  /** The task's text cut to {@value #SHORT} characters, for lists of many tasks. */
  static String shortText(Task task) {
    String text = task.text().strip();
    return text.length() <= SHORT ? text : text.substring(0, SHORT - 1) + "…";
  }

  private static String line(Task task) {
    return task.id() + " [" + (task.checked() ? 'x' : ' ') + "] " + task.text();
  }
}
