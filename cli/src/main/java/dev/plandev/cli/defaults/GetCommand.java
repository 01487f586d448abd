package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.Resolution;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults get}: resolves a key in a context and prints its value. */
@Command(
    name = "get",
    description = {
      "Resolve KEY in a context and print its value.",
      "The most specific live entry whose context is part of the given one wins."
    },
    mixinStandardHelpOptions = true)
final class GetCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY")
  String key;

  @Option(names = "--json", description = "Print the winning entry and why it won")
  boolean json;

  @Override
  public Integer call() {
    Resolution r =
        defaults()
            .resolve(key, context())
            .orElseThrow(
                () ->
                    new EntryNotFoundException(
                        "no default for '"
                            + key
                            + "' in context "
                            + context().toJson()
                            + "; set one with: plandev defaults set "
                            + key
                            + " VALUE"));
    if (json) {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("value", r.entry().value());
      view.put("entry", r.entry());
      view.put("matchedFields", r.matchedFields());
      view.put("candidates", r.candidates());
      Printer.json(out(), view);
    } else {
      out().println(r.entry().value());
    }
    return 0;
  }
}
