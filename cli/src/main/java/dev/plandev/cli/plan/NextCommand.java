package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Task;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev next PLAN}: the first open tasks in document order, with their section path. */
@Command(
    name = "next",
    description = "List the first open tasks of a plan.",
    mixinStandardHelpOptions = true)
final class NextCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Option(names = "-n", paramLabel = "COUNT", description = "How many tasks (default: 5).")
  int count = 5;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "-n must be at least 1, got " + count);
    }
    PlanDocument document = PlanDocument.parse(plan);
    List<Task> open = document.tasks().stream().filter(t -> !t.checked()).limit(count).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (open.isEmpty()) {
      out.println(
          document.tasks().isEmpty()
              ? "no tasks in " + document.name()
              : "all " + document.tasks().size() + " tasks are done in " + document.name());
    }
    for (Task task : open) {
      String path = String.join(" > ", task.section().path());
      out.printf("%-12s %s%n", task.id(), task.text());
      out.printf("%-12s line %d%s%n", "", task.line(), path.isEmpty() ? "" : " · " + path);
    }
    out.flush();
    return 0;
  }
}
