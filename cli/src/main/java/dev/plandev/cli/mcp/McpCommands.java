package dev.plandev.cli.mcp;

import picocli.CommandLine;

/** Registers {@code plandev mcp}, the MCP server for AI coding agents, on the root command. */
public final class McpCommands {
  private McpCommands() {}

  /** Adds the MCP command to {@code root}. */
  public static void register(CommandLine root) {
    CommandLine mcp = new CommandLine(new McpCommand());
    mcp.getCommandSpec().usageMessage().footer(McpCommand.clientConfiguration());
    root.addSubcommand(mcp);
  }
}
