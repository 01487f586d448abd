package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.Task;
import dev.plandev.plans.progress.ProgressSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** What {@code check} and {@code uncheck} share: find one task, set its box, save. */
abstract class ToggleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Parameters(
      index = "1",
      paramLabel = "TASK",
      description = "Task id (2.1.3, 2.1#4) or a unique fragment of its text.")
  String task;

  @Option(
      names = "--sync",
      description =
          "Also rewrite the progress lines the change makes stale (off by default, so"
              + " only the checkbox changes).")
  boolean sync;

  abstract boolean checked();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println(PlanFileEdit.apply(plan, this::toggle));
    out.flush();
    return 0;
  }

  /** Sets the box in {@code document}, the plan as it is on disk under the lock. */
  private PlanFileEdit.Change<String> toggle(PlanDocument document) {
    Task found = document.task(task);
    String verb = checked() ? "checked" : "unchecked";
    if (found.checked() == checked()) {
      return new PlanFileEdit.Change<>(
          document,
          String.format(
              "already %s: %s %s (line %d)", verb, found.id(), found.text(), found.line()));
    }
    PlanDocument updated = document.withChecked(found, checked());
    String synced = "";
    if (sync) {
      int stale = ProgressSync.staleLines(updated).size();
      updated = ProgressSync.sync(updated);
      synced = ", " + stale + " progress line(s) synced";
    }
    return new PlanFileEdit.Change<>(
        updated,
        String.format(
            "%s %s %s (line %d)%s", verb, found.id(), found.text(), found.line(), synced));
  }
}
