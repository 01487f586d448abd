package dev.plandev.cli.defaults;

import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code plandev defaults export}: writes every entry as JSON, YAML or CSV. */
@Command(
    name = "export",
    description = {
      "Export every entry (secrets stay encrypted) to stdout or --output FILE.",
      "Importing the file into an empty store and exporting again gives the same bytes."
    },
    mixinStandardHelpOptions = true)
final class ExportCommand extends Subcommand implements Callable<Integer> {
  @Option(names = "--format", paramLabel = "json|yaml|csv", description = "Default: json")
  String format = "json";

  @Option(
      names = {"--output"},
      paramLabel = "FILE",
      description = "Write here (atomically) instead of stdout")
  Path output;

  @Override
  public Integer call() throws IOException {
    DefaultsExchange.Format f = DefaultsExchange.Format.parse(format);
    if (output == null) {
      OutputStream stdout = new java.io.FileOutputStream(java.io.FileDescriptor.out);
      out().flush();
      defaults().exchange().export(f, stdout);
      return 0;
    }
    Path target = invocation().environment().resolve(output);
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    int n;
    try (OutputStream os = Files.newOutputStream(tmp)) {
      n = defaults().exchange().export(f, os);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e instanceof IOException io
          ? new StorageException("cannot write " + target + ": " + io.getMessage(), io)
          : (RuntimeException) e;
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    spec.commandLine().getErr().printf("exported %d entries to %s%n", n, target);
    return 0;
  }
}
