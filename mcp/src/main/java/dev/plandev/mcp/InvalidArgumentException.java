package dev.plandev.mcp;

/**
 * Tool arguments that do not fit the tool's input schema: a required one missing, a wrong JSON
 * type, a number out of range, an unknown name. Reported as the JSON-RPC error -32602 (invalid
 * params), since the call itself is malformed.
 */
final class InvalidArgumentException extends McpToolException {
  private static final long serialVersionUID = 1L;

  InvalidArgumentException(String message) {
    super(message);
  }
}
