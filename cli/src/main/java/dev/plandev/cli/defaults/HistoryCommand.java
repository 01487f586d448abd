package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Page;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults history}: the audit trail of a key, newest first. */
@Command(
    name = "history",
    description = "Show the audit trail of KEY, newest first (secret values stay encrypted).",
    mixinStandardHelpOptions = true)
final class HistoryCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY")
  String key;

  @Option(names = "--limit", paramLabel = "N", description = "How many changes (default 20)")
  int limit = 20;

  @Option(names = "--json", description = "Print the changes as JSON")
  boolean json;

  @Override
  public Integer call() {
    Page<Change> p = defaults().store().changes(key, 1, limit);
    if (json) {
      Printer.json(out(), p.items());
      return 0;
    }
    if (p.items().isEmpty()) {
      out().println("no changes recorded for '" + key + "'");
      return 0;
    }
    for (Change c : p.items()) {
      out()
          .printf(
              "%s  %-7s id %-6s by %s%n    before: %s%n    after:  %s%n",
              c.at(),
              c.operation(),
              c.entityId(),
              c.actor(),
              c.oldValue() == null ? "-" : c.oldValue(),
              c.newValue() == null ? "-" : c.newValue());
    }
    if (p.total() > p.items().size()) {
      out().printf("(%d of %d changes; --limit N for more)%n", p.items().size(), p.total());
    }
    return 0;
  }
}
