package dev.plandev.cli.backup;

import picocli.CommandLine;

/** Registers {@code plandev backup} and {@code plandev restore} on the root command. */
public final class BackupCommands {
  private BackupCommands() {}

  /** Adds the backup commands to {@code root}. */
  public static void register(CommandLine root) {
    root.addSubcommand(new BackupCommand());
    root.addSubcommand(new RestoreCommand());
  }
}
