package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFileException;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.history.PlanHistory;
import dev.plandev.plans.history.PlanHistoryException;
import dev.plandev.plans.report.PlanReport;
import dev.plandev.plans.report.ReportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev report PLAN…}: per-plan and per-phase progress; a folder gives a portfolio. */
@Command(
    name = "report",
    description = {
      "Progress report of plans as Markdown, HTML (SVG bars) or JSON.",
      "Per plan: effort done and left (#time: tags), blocked tasks, dependency cycles, and the"
          + " critical path: the longest chain of remaining effort through #depends: links.",
      "In HTML, a plan committed to git also gets a burn-down chart of tasks and effort left per"
          + " commit, with a projected completion date."
    },
    mixinStandardHelpOptions = true)
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", arity = "1..*", description = "Plan files or folders.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "md|html|json",
      description = "Output format (default: md).",
      converter = FormatConverter.class)
  ReportFormat format = ReportFormat.MD;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE.")
  Path output;

  @Option(
      names = "--title",
      paramLabel = "TEXT",
      description = "Report title (default: Plan progress).")
  String title = "Plan progress";

  @Override
  public Integer call() {
    List<PlanDocument> plans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<PlanHistory> histories = new ArrayList<>();
    for (Path file : PlanFiles.expand(paths)) {
      plans.add(PlanDocument.parse(file));
      names.add(file.toString());
      histories.add(format == ReportFormat.HTML ? history(file) : null);
    }
    String report = PlanReport.of(title, plans, names, histories).render(format);
    PrintWriter out = spec.commandLine().getOut();
    if (output == null) {
      out.print(report);
    } else {
      try {
        Files.writeString(output, report, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw PlanFileException.io("writing the report", output, e);
      }
      out.println("wrote " + output + " (" + plans.size() + " plan(s))");
    }
    out.flush();
    return 0;
  }

  /** The plan's git history for the burn-down chart; none outside git or before a commit. */
  private static PlanHistory history(Path file) {
    try {
      return PlanHistory.of(file);
    } catch (PlanHistoryException e) {
      return null;
    }
  }

  /** Accepts md, html or json in any case. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return ReportFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "expected md, html or json, got '" + value + "'");
      }
    }
  }
}
