package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import dev.plandev.plans.Task;
import dev.plandev.plans.dependency.DependencyGraph;
import dev.plandev.plans.effort.BlockedTask;
import dev.plandev.plans.effort.EffortTally;
import dev.plandev.plans.effort.PlanEffort;
import dev.plandev.plans.report.StatusJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev status PLAN}: the section tree of a plan with done/total and percent, and, when
 * tasks carry effort tags, the effort done of the total, what is left, and the blocked tasks; for a
 * folder, one line per plan under it.
 */
@Command(
    name = "status",
    description = {
      "Show the progress of a plan, section by section; of a folder, plan by plan.",
      "Tasks tagged #status:cancelled or #status:deferred (annulé, reporté) are left out of done/total"
          + " and counted separately.",
      "When tasks carry #time: (#temps, #duration, #durée) each section also shows effort done/total"
          + " and what is left (a day is 8 hours, a week 5 days), and how many of its tasks are"
          + " blocked: tagged #status:blocked or waiting on a dependency that is not done."
    },
    mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
  private static final int TITLE_WIDTH = 60;
  private static final int BAR_WIDTH = 10;
  private static final int MAX_BLOCKED_SHOWN = 10;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", description = "Markdown plan file, or a folder of plans.")
  Path plan;

  @Option(names = "--json", description = "Print JSON instead of a tree.")
  boolean json;

  @Option(
      names = "--depth",
      paramLabel = "N",
      description =
          "Show sections down to this level of nesting (default: all; for a folder, 0: one line"
              + " per plan).")
  Integer depth;

  @Override
  public Integer call() {
    if (depth != null && depth < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--depth must be 0 or more, got " + depth);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (Files.isDirectory(plan)) {
      folder(out, depth == null ? 0 : depth);
      out.flush();
      return 0;
    }
    if (Files.isRegularFile(plan) && !PlanFiles.isMarkdown(plan)) {
      throw PlanFileException.notMarkdown(plan);
    }
    int levels = depth == null ? Integer.MAX_VALUE : depth;
    PlanDocument document = PlanDocument.parse(plan);
    PlanEffort effort = PlanEffort.of(DependencyGraph.of(document));
    if (json) {
      StatusJson.write(document, effort, plan.toString(), levels, out, false);
      out.println();
    } else {
      boolean withEffort = effort.total().estimated();
      out.println(
          row("", document.root().title(), document.progress())
              + extra(effort.total(), withEffort));
      printChildren(out, document.root(), effort, withEffort, 1, levels);
      int aside = document.root().setAside();
      if (aside > 0) {
        out.printf("%d cancelled or deferred task(s) are not counted in progress.%n", aside);
      }
      printFooter(out, effort);
      List<Task> unknown = StatusJson.unknownStatus(document);
      if (!unknown.isEmpty()) {
        Task first = unknown.get(0);
        out.printf(
            "%d task(s) have a #status: that is not a status and count as open (first: %s"
                + " #status:%s); plandev lint lists them.%n",
            unknown.size(), first.id(), first.metadata().unknownStatus().orElseThrow());
      }
    }
    out.flush();
    return 0;
  }

  /** The plans under a folder: one line each (and their sections down to {@code levels}). */
  private void folder(PrintWriter out, int levels) {
    List<Path> files = PlanFiles.expand(List.of(plan));
    if (json) {
      out.print('[');
      for (int i = 0; i < files.size(); i++) {
        out.print(i > 0 ? "," : "");
        PlanDocument document = PlanDocument.parse(files.get(i));
        PlanEffort effort = PlanEffort.of(DependencyGraph.of(document));
        StatusJson.write(document, effort, files.get(i).toString(), levels, out, false);
      }
      out.println(']');
      return;
    }
    if (files.isEmpty()) {
      out.println("no plans (.md files) under " + plan);
      return;
    }
    for (Path file : files) {
      PlanDocument document = PlanDocument.parse(file);
      PlanEffort effort = PlanEffort.of(DependencyGraph.of(document));
      boolean withEffort = effort.total().estimated();
      out.println(
          row("", file.toString(), document.progress()) + extra(effort.total(), withEffort));
      printChildren(out, document.root(), effort, withEffort, 1, levels);
    }
  }

  private static void printChildren(
      PrintWriter out,
      Section parent,
      PlanEffort effort,
      boolean withEffort,
      int level,
      int levels) {
    if (level > levels) {
      return;
    }
    for (Section section : parent.children()) {
      out.println(
          row("  ".repeat(level), section.title(), section.progress())
              + extra(effort.of(section), withEffort));
      printChildren(out, section, effort, withEffort, level + 1, levels);
    }
  }

  /** Effort columns when the plan has any ({@code 4h/1d 2h 6h left}), then the blocked count. */
  static String extra(EffortTally tally, boolean withEffort) {
    StringBuilder out = new StringBuilder();
    if (withEffort) {
      String effort = tally.estimated() ? tally.done() + "/" + tally.total() : "-";
      String left = tally.estimated() ? tally.remaining() + " left" : "";
      out.append(String.format(Locale.ROOT, "  %15s %13s", effort, left));
    }
    if (tally.blocked() > 0) {
      out.append("  ").append(tally.blocked()).append(" blocked");
    }
    return out.toString();
  }

  private static void printFooter(PrintWriter out, PlanEffort effort) {
    EffortTally total = effort.total();
    if (total.estimated()) {
      out.printf(
          "Effort: %s done of %s, %s left%s.%n",
          total.done(),
          total.total(),
          total.remaining(),
          total.unestimated() > 0
              ? "; " + total.unestimated() + " task(s) without #time: are not in these figures"
              : "");
    }
    List<BlockedTask> blocked = effort.blocked();
    if (!blocked.isEmpty()) {
      out.printf("%d blocked task(s):%n", blocked.size());
      int shown = 0;
      for (BlockedTask b : blocked) {
        if (shown++ == MAX_BLOCKED_SHOWN) {
          out.printf(
              "  … and %d more (plandev report lists them all)%n",
              blocked.size() - MAX_BLOCKED_SHOWN);
          break;
        }
        out.printf("  %s %s — %s%n", b.task().id(), ShowCommand.shortText(b.task()), b.reason());
      }
    }
  }

  static String row(String indent, String title, Progress progress) {
    String shown = indent + title;
    if (shown.length() > TITLE_WIDTH) {
      shown = shown.substring(0, TITLE_WIDTH - 1) + "…";
    }
    if (progress.total() == 0) {
      return String.format(Locale.ROOT, "%-" + TITLE_WIDTH + "s %9s", shown, "-");
    }
    return String.format(
        Locale.ROOT,
        "%-" + TITLE_WIDTH + "s %9s %6.1f%% %s",
        shown,
        progress.done() + "/" + progress.total(),
        progress.percent(),
        bar(progress));
  }

  private static String bar(Progress progress) {
    int full = (int) Math.round(progress.percent() / 100.0 * BAR_WIDTH);
    return "█".repeat(full) + "░".repeat(BAR_WIDTH - full);
  }
}
