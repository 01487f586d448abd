package dev.plandev.mcp;

/**
 * A tool call that cannot be carried out as asked: a path outside the plan roots, a section that
 * does not exist, a write by a read-only caller. The base exception of this module; its message
 * says what to change. Reported to the agent as a tool result with {@code isError}.
 */
class McpToolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  McpToolException(String message) {
    super(message);
  }
}
