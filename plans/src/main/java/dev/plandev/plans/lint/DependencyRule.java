package dev.plandev.plans.lint;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.ResolvedDependency;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code missing-dependency}: a {@code #depends:} id that names no task (here or in the other plan
 * named); {@code dependency-cycle}: tasks that wait on each other, so none can ever start. Both are
 * errors, since {@code next} would never offer the tasks involved.
 */
final class DependencyRule implements LintRule {
  @Override
  public void check(PlanDocument plan, Findings findings) {
    boolean any = false;
    for (Task task : plan.tasks()) {
      any |= !task.metadata().dependencies().isEmpty();
    }
    if (!any) {
      return;
    }
    DependencyGraph graph = DependencyGraph.of(plan);
    for (Task task : plan.tasks()) {
      for (ResolvedDependency d : graph.dependenciesOf(task)) {
        if (d.task() == null) {
          findings.add(
              task.line(),
              "missing-dependency",
              Severity.ERROR,
              "task " + task.id() + " depends on " + d.dependency() + ", but " + d.problem(),
              "use an id that plandev next or show prints, e.g. #depends:1.2 or other.md#2.1");
        }
      }
    }
    for (List<Task> cycle : graph.cycles()) {
      Task first = cycle.get(0);
      String chain =
          cycle.stream().map(t -> label(graph, plan, t)).collect(Collectors.joining(" → "));
      findings.add(
          first.line(),
          "dependency-cycle",
          Severity.ERROR,
          "tasks wait on each other, so none can start: " + chain + " → " + first.id(),
          "remove one #depends: link of the cycle");
    }
  }

  private static String label(DependencyGraph graph, PlanDocument plan, Task task) {
    PlanDocument owner = graph.planOf(task);
    return owner == plan ? task.id() : owner.name() + "#" + task.id();
  }
}
