package dev.plandev.cli.plan;

import dev.plandev.plans.history.HistoryPoint;
import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.history.Projection;
import dev.plandev.plans.report.HistoryJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code plandev history PLAN}: the plan's progress at each commit that changed it, from its git
 * repository, and the completion date the recent trend points to.
 */
@Command(
    name = "history",
    description = {
      "Show a plan's progress over time from its git history: one row per commit that changed it"
          + " (date in UTC, commit, done/total, tasks left, effort left), oldest first; renames are"
          + " followed.",
      "The last line projects the completion date from the trend of the last 8 commits, or says"
          + " why there is none. Uncommitted changes are not included."
    },
    mixinStandardHelpOptions = true)
final class HistoryCommand implements Callable<Integer> {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", description = "Markdown plan file in a git repository.")
  Path plan;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() {
    PlanHistory history = PlanHistory.of(plan);
    Projection projection = Projection.of(history.points());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      HistoryJson.write(history, projection, plan.toString(), out);
      out.println();
    } else {
      out.printf(
          "%-16s  %-7s  %11s  %6s  %10s%n",
          "date (UTC)", "commit", "done/total", "left", "effort left");
      for (HistoryPoint p : history.points()) {
        out.printf(
            "%-16s  %-7s  %11s  %6d  %10s%n",
            DATE.format(p.time()),
            p.commit(),
            p.progress().done() + "/" + p.progress().total(),
            p.remainingTasks(),
            p.remaining());
      }
      out.println(projection.note());
    }
    out.flush();
    return 0;
  }
}
