package dev.plandev.cli.project;

import picocli.CommandLine;

/**
 * Registers the commands about the project and the machine ({@code init}, {@code doctor}) on the
 * root {@code plandev} command.
 */
public final class ProjectCommands {
  private ProjectCommands() {}

  /** Adds {@code init} and {@code doctor} to {@code root}. */
  public static void register(CommandLine root) {
    root.addSubcommand(new InitCommand());
    root.addSubcommand(new DoctorCommand());
  }
}
