package dev.plandev.cli.defaults;

import picocli.CommandLine.Command;

/** {@code plandev defaults}: store, resolve and audit smart default values. */
@Command(
    name = "defaults",
    description = "Store, resolve, list and audit smart default values.",
    synopsisSubcommandLabel = "COMMAND",
    mixinStandardHelpOptions = true,
    subcommands = {
      SetCommand.class,
      GetCommand.class,
      ListCommand.class,
      DeleteCommand.class,
      HistoryCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      RotateKeyCommand.class,
      PredictCommand.class,
      EvalCommand.class,
      FeedbackCommand.class
    })
public final class DefaultsCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
