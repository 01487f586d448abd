package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.Task;
import dev.plandev.plans.edit.TaskAppend;
import dev.plandev.plans.edit.TaskTags;
import dev.plandev.plans.progress.ProgressSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev add PLAN SECTION-ID "text"}: appends an open task at the end of a section's tasks
 * and rewrites the progress lines it makes stale.
 */
@Command(
    name = "add",
    description = {
      "Append an open task at the end of a section's tasks, indented, marked and numbered like the"
          + " task before it (after **2.3** comes **2.4**); the rest of the plan keeps its bytes.",
      "Progress lines that the new task makes stale are rewritten, as check --sync does."
    },
    mixinStandardHelpOptions = true)
final class AddCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Parameters(
      index = "1",
      paramLabel = "SECTION-ID",
      description = "Section to add to: its id or heading number, as status and next show it.")
  String section;

  @Parameters(index = "2", paramLabel = "TEXT", description = "The task, on one line.")
  String text;

  @Option(
      names = "--tag",
      paramLabel = "KEY:VALUE",
      description = "Tag the task, e.g. --tag priority:high --tag time:2h (repeatable).")
  List<String> tags = new ArrayList<>();

  @Override
  public Integer call() {
    if (text.isBlank() || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      throw new ParameterException(
          spec.commandLine(), "TEXT must be one line of words, got '" + text + "'");
    }
    List<TaskTags.Change> changes = tags.stream().map(TaskTags.Change::parse).toList();
    PrintWriter out = spec.commandLine().getOut();
    String outcome = PlanFileEdit.apply(plan, document -> add(document, changes));
    out.println(outcome);
    out.flush();
    return 0;
  }

  private PlanFileEdit.Change<String> add(PlanDocument document, List<TaskTags.Change> changes) {
    TaskAppend.Appended appended = TaskAppend.append(document, section, text);
    PlanDocument edited = TaskTags.apply(appended.plan(), appended.task(), changes);
    int stale = ProgressSync.staleLines(edited).size();
    edited = ProgressSync.sync(edited);
    int line = appended.task().line();
    Task added = edited.tasks().stream().filter(t -> t.line() == line).findFirst().orElseThrow();
    return new PlanFileEdit.Change<>(
        edited,
        String.format(
            "added %s [ ] %s (line %d)%s",
            added.id(),
            added.text(),
            added.line(),
            stale == 0 ? "" : ", " + stale + " progress line(s) synced"));
  }
}
