package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.model.Prediction;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults predict}: ranked candidate values for a key in a context. */
@Command(
    name = "predict",
    description = "Rank the values most likely to be chosen for KEY in a context.",
    mixinStandardHelpOptions = true)
final class PredictCommand extends Subcommand implements Callable<Integer> {
  @Parameters(paramLabel = "KEY")
  String key;

  @Option(names = "--limit", paramLabel = "N", description = "How many candidates (default 5)")
  int limit = 5;

  @Option(names = "--json", description = "Print the candidates as JSON")
  boolean json;

  @Override
  public Integer call() {
    List<Prediction> ranked = defaults().predict(key, context(), limit);
    if (json) {
      Printer.json(out(), ranked);
      return 0;
    }
    if (ranked.isEmpty()) {
      out().println("no candidates for '" + key + "' yet; feedback teaches them");
      return 0;
    }
    for (Prediction p : ranked) {
      out()
          .printf(
              "%5.1f%%%s %s   (%s)%n",
              100 * p.confidence(), p.confident() ? "*" : " ", p.value(), p.reason());
    }
    out()
        .println(
            "% = how likely the engine thinks the value is chosen here; * = at or above its"
                + " confidence threshold (ml.threshold)");
    return 0;
  }
}
