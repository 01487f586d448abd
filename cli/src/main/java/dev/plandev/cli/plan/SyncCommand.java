package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileEdit;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.progress.ProgressLine;
import dev.plandev.plans.progress.ProgressSync;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev sync PLAN…}: rewrites progress lines to the true done/total of their sections;
 * with {@code --check}, changes nothing and exits 1 when a line is stale (for CI and git hooks).
 */
@Command(
    name = "sync",
    description = "Make progress lines (*Progression: 85%%*, …) match the tasks.",
    mixinStandardHelpOptions = true)
final class SyncCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", arity = "1..*", description = "Plan files or folders.")
  List<Path> paths;

  @Option(names = "--check", description = "Only report stale lines; exit 1 if there are any.")
  boolean check;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int staleTotal = 0;
    int files = 0;
    for (Path file : PlanFiles.expand(paths)) {
      List<ProgressLine> stale =
          check ? ProgressSync.staleLines(PlanDocument.parse(file)) : sync(file);
      staleTotal += stale.size();
      if (stale.isEmpty()) {
        continue;
      }
      files++;
      for (ProgressLine line : stale) {
        out.printf(
            "%s:%d: %s -> %s (%s, %d/%d tasks done)%n",
            file,
            line.line(),
            line.stated(),
            line.expected(),
            where(line),
            line.actual().done(),
            line.actual().total());
      }
    }
    if (check) {
      out.println(
          staleTotal == 0
              ? "progress lines are up to date"
              : staleTotal + " stale progress line(s) in " + files + " file(s); run plandev sync");
    } else {
      out.println("updated " + staleTotal + " progress line(s) in " + files + " file(s)");
    }
    out.flush();
    return check && staleTotal > 0 ? 1 : 0;
  }

  /** Rewrites the stale lines of {@code file} under its lock; returns the lines it rewrote. */
  private static List<ProgressLine> sync(Path file) {
    return PlanFileEdit.apply(
        file,
        plan -> new PlanFileEdit.Change<>(ProgressSync.sync(plan), ProgressSync.staleLines(plan)));
  }

  private static String where(ProgressLine line) {
    return line.section().isRoot() ? "whole plan" : "section " + line.section().id();
  }
}
