package dev.plandev.cli.plan;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.lint.LintFinding;
import dev.plandev.plans.lint.LintJson;
import dev.plandev.plans.lint.Linter;
import dev.plandev.plans.lint.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plandev lint PLAN…}: findings with file:line, rule id and a fix hint. */
@Command(
    name = "lint",
    description =
        "Check plans for stale progress, hard-coded paths, numbering, structure, task dependencies"
            + " (missing ids, cycles) and #key:value metadata.",
    mixinStandardHelpOptions = true)
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "PLAN", arity = "1..*", description = "Plan files or folders.")
  List<Path> paths;

  @Option(names = "--json", description = "Print findings as a JSON array.")
  boolean json;

  @Override
  public Integer call() {
    List<LintFinding> findings = new ArrayList<>();
    List<Path> files = PlanFiles.expand(paths);
    for (Path file : files) {
      findings.addAll(Linter.lint(PlanDocument.parse(file), file.toString()));
    }
    PrintWriter out = spec.commandLine().getOut();
    long errors = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
    if (json) {
      LintJson.write(findings, out);
      out.println();
    } else {
      findings.forEach(out::println);
      out.printf(
          "%d file(s), %d error(s), %d warning(s)%n",
          files.size(), errors, findings.size() - errors);
    }
    out.flush();
    return errors > 0 ? 1 : 0;
  }
}
