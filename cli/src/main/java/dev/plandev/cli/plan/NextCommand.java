package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.dependency.NextTasks;
import dev.plandev.plans.dependency.TaskFilter;
import dev.plandev.plans.metadata.Priority;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev next PLAN}: the tasks that can start now — open, not blocked or deferred, every
 * {@code #depends:} task done — by priority then document order, with their section path.
 */
@Command(
    name = "next",
    description = {
      "List the tasks of a plan that can start now: open, not blocked or deferred, and whose"
          + " #depends: tasks are done (or cancelled).",
      "Order: #priority:high (haute), then medium (moyenne) and untagged tasks, then low (basse);"
          + " equal priorities keep document order."
    },
    mixinStandardHelpOptions = true)
final class NextCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Option(names = "-n", paramLabel = "COUNT", description = "How many tasks (default: 5).")
  int count = 5;

  @Option(
      names = "--priority",
      paramLabel = "LEVEL",
      description = "Only this priority: high, medium or low (untagged tasks count as medium).")
  String priority;

  @Option(names = "--category", paramLabel = "NAME", description = "Only tasks #category:NAME.")
  String category;

  @Option(names = "--owner", paramLabel = "NAME", description = "Only tasks #owner:NAME.")
  String owner;

  @Option(
      names = "--section",
      paramLabel = "ID",
      description = "Only tasks in this section (id such as 2.1) and its subsections.")
  String section;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new ParameterException(spec.commandLine(), "-n must be at least 1, got " + count);
    }
    Priority level = priority == null ? null : parsePriority(priority);
    PlanDocument document = PlanDocument.parse(plan);
    Section within = section == null ? null : findSection(document, section);
    NextTasks next =
        NextTasks.of(DependencyGraph.of(document), new TaskFilter(level, category, owner, within));
    PrintWriter out = spec.commandLine().getOut();
    if (document.tasks().isEmpty()) {
      out.println("no tasks in " + document.name());
    } else if (next.remaining() == 0) {
      out.println("no open task in " + document.name() + " matches");
    } else {
      out.println(next.summary());
    }
    List<Task> shown = next.ready().subList(0, Math.min(count, next.ready().size()));
    for (Task task : shown) {
      String path = String.join(" > ", task.section().path());
      out.printf("%-12s %s%n", task.id(), task.text());
      out.printf("%-12s line %d%s%n", "", task.line(), path.isEmpty() ? "" : " · " + path);
    }
    out.flush();
    return 0;
  }

  private Priority parsePriority(String text) {
    return Priority.parse(text)
        .orElseThrow(
            () ->
                new ParameterException(
                    spec.commandLine(),
                    "--priority must be high, medium or low (or haute, moyenne, basse), got '"
                        + text
                        + "'"));
  }

  private Section findSection(PlanDocument document, String id) {
    for (Section s : document.sections()) {
      if (s.id().equals(id.strip()) || s.numbering().equals(id.strip())) {
        return s;
      }
    }
    List<String> ids = document.sections().stream().map(Section::id).limit(8).toList();
    throw new ParameterException(
        spec.commandLine(),
        String.format(
            Locale.ROOT,
            "no section '%s' in %s; section ids look like %s",
            id,
            document.name(),
            String.join(", ", ids)));
  }
}
