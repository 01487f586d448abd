package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.Task;
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

/** {@code plandev tag PLAN ID key:value…}: sets, replaces or removes a task's metadata tags. */
@Command(
    name = "tag",
    description = {
      "Set or replace #key:value tags on a task; only that task's checkbox line changes.",
      "Keys match as plans read them, so temps:2h replaces #time:1h (the plan's spelling of the key"
          + " stays). key: with nothing after the colon, or --remove key, removes the tag."
    },
    mixinStandardHelpOptions = true)
final class TagCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Parameters(
      index = "1",
      paramLabel = "ID",
      description = "Task id (2.1.3, 2.1#4) or a unique fragment of its text.")
  String id;

  @Parameters(
      index = "2..*",
      paramLabel = "KEY:VALUE",
      description = "Tags to set, e.g. priority:high time:2h depends:1.4,2.1 owner:ana.")
  List<String> tags = new ArrayList<>();

  @Option(
      names = "--remove",
      paramLabel = "KEY",
      description = "Remove every tag of this key (repeatable).")
  List<String> removals = new ArrayList<>();

  @Option(
      names = "--sync",
      description =
          "Also rewrite the progress lines the change makes stale (a #status:cancelled or"
              + " deferred task leaves the count); off by default, so only the task's line changes.")
  boolean sync;

  @Override
  public Integer call() {
    if (tags.isEmpty() && removals.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "give at least one KEY:VALUE to set or --remove KEY");
    }
    List<TaskTags.Change> changes = new ArrayList<>();
    tags.stream().map(TaskTags.Change::parse).forEach(changes::add);
    removals.stream().map(TaskTags.Change::removal).forEach(changes::add);
    PrintWriter out = spec.commandLine().getOut();
    String outcome = PlanFileEdit.apply(plan, document -> tag(document, changes));
    out.println(outcome);
    out.flush();
    return 0;
  }

  private PlanFileEdit.Change<String> tag(PlanDocument document, List<TaskTags.Change> changes) {
    Task task = document.task(id);
    PlanDocument edited = TaskTags.apply(document, task, changes);
    if (edited == document) {
      return new PlanFileEdit.Change<>(
          document,
          String.format("no change: %s %s (line %d)", task.id(), task.text(), task.line()));
    }
    String synced = "";
    if (sync) {
      int stale = ProgressSync.staleLines(edited).size();
      edited = ProgressSync.sync(edited);
      synced = ", " + stale + " progress line(s) synced";
    }
    Task tagged =
        edited.tasks().stream().filter(t -> t.line() == task.line()).findFirst().orElseThrow();
    return new PlanFileEdit.Change<>(
        edited,
        String.format(
            "tagged %s %s (line %d)%s", tagged.id(), tagged.text(), tagged.line(), synced));
  }
}
