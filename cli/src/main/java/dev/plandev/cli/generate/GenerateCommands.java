package dev.plandev.cli.generate;

import picocli.CommandLine;

/**
 * Registers {@code plandev new} (plan generation from templates with smart defaults) on the root
 * command.
 */
public final class GenerateCommands {
  private GenerateCommands() {}

  /** Adds the generation commands to {@code root}. */
  public static void register(CommandLine root) {
    root.addSubcommand(new NewCommand());
    // hygen generators take their variables as options (--title X): unknown options are
    // positional words of `new`, read by the hygen runtime.
    root.getSubcommands().get("new").setUnmatchedOptionsArePositionalParams(true);
  }
}
