package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Progress;
import dev.plandev.plans.Section;
import dev.plandev.plans.report.StatusJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev status PLAN}: the section tree of a plan with done/total and percent. */
@Command(
    name = "status",
    description = {
      "Show the progress of a plan, section by section.",
      "Tasks tagged #status:cancelled or #status:deferred (annulé, reporté) are left out of done/total"
          + " and counted separately."
    },
    mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
  private static final int TITLE_WIDTH = 60;
  private static final int BAR_WIDTH = 10;

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", description = "Markdown plan file.")
  Path plan;

  @Option(names = "--json", description = "Print JSON instead of a tree.")
  boolean json;

  @Option(
      names = "--depth",
      paramLabel = "N",
      description = "Show sections down to this level of nesting (default: all).")
  int depth = Integer.MAX_VALUE;

  @Override
  public Integer call() {
    if (depth < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--depth must be 0 or more, got " + depth);
    }
    PlanDocument document = PlanDocument.parse(plan);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      StatusJson.write(document, plan.toString(), depth, out, false);
      out.println();
    } else {
      out.println(row("", document.root().title(), document.progress()));
      printChildren(out, document.root(), 1);
      int aside = document.root().setAside();
      if (aside > 0) {
        out.printf("%d cancelled or deferred task(s) are not counted in progress.%n", aside);
      }
    }
    out.flush();
    return 0;
  }

  private void printChildren(PrintWriter out, Section parent, int level) {
    if (level > depth) {
      return;
    }
    for (Section section : parent.children()) {
      out.println(row("  ".repeat(level), section.title(), section.progress()));
      printChildren(out, section, level + 1);
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
