package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults import}: loads entries from a JSON, YAML or CSV file. */
@Command(
    name = "import",
    description = {
      "Import entries from FILE (json, yaml or csv; - reads stdin).",
      "Every row is checked first; one bad row means nothing is written, unless --partial."
    },
    mixinStandardHelpOptions = true)
final class ImportCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "json|yaml|csv",
      description = "Default: from the file name")
  String format;

  @Option(names = "--partial", description = "Write the good rows even if some are refused")
  boolean partial;

  @Option(names = "--json", description = "Print the report as JSON")
  boolean json;

  @Override
  public Integer call() throws IOException {
    boolean stdin = file.toString().equals("-");
    DefaultsExchange.Format f =
        format != null
            ? DefaultsExchange.Format.parse(format)
            : stdin ? DefaultsExchange.Format.JSON : DefaultsExchange.Format.of(file);
    Path path = invocation().environment().resolve(file);
    ImportReport report;
    try (InputStream in = stdin ? invocation().environment().in() : Files.newInputStream(path)) {
      report = defaults().exchange().importFrom(f, in, partial, invocation().actor());
    } catch (NoSuchFileException e) {
      throw new InvalidInputException("FILE", path + " does not exist");
    }
    if (json) {
      Printer.json(out(), report);
    } else {
      for (ImportReport.RowError err : report.errors()) {
        out().printf("row %d (%s): %s%n", err.row(), err.key(), err.message());
      }
      out()
          .printf(
              "imported %d of %d rows%s%n",
              report.applied(),
              report.rows(),
              report.errors().isEmpty() || partial
                  ? ""
                  : "; nothing written, fix the rows or use --partial");
    }
    return report.errors().isEmpty() ? 0 : 1;
  }
}
