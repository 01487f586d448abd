package dev.plandev.mcp;

/** One MCP tool of plandev: its name in {@code tools.json} and what a call does. */
interface PlandevTool {

  /** The tool name, as defined in {@code tools.json}. */
  String name();

  /**
   * Runs one call.
   *
   * @throws InvalidArgumentException for arguments that do not fit the schema
   * @throws RuntimeException the failures of plans and core, mapped by {@link McpErrors}
   */
  ToolAnswer call(Arguments args, McpCaller caller);
}
