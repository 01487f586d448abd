package dev.plandev.cli.defaults;

import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.UsageEvent;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code plandev defaults feedback}: records which value was taken for a key. */
@Command(
    name = "feedback",
    description = "Record that VALUE was taken for KEY in a context, so later defaults learn.",
    mixinStandardHelpOptions = true)
final class FeedbackCommand extends Subcommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "KEY")
  String key;

  @Parameters(index = "1", paramLabel = "VALUE")
  String value;

  @Option(
      names = "--outcome",
      paramLabel = "accepted|rejected|chosen",
      description = "Default: chosen")
  String outcome = "chosen";

  @Option(names = "--suggested", paramLabel = "VALUE", description = "The value that was offered")
  String suggested;

  @Override
  public Integer call() {
    UsageEvent e =
        defaults()
            .feedback(
                new Feedback(key, context(), value, Outcome.parse(outcome), suggested, "cli"));
    out()
        .printf(
            "recorded %s %s for %s (event %d)%n",
            e.outcome().wireName(), e.value(), e.key(), e.id());
    return 0;
  }
}
