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
  }
}
