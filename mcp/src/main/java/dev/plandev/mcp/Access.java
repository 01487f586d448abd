package dev.plandev.mcp;

/** The write permission check shared by the tools that change plans or defaults. */
final class Access {
  private Access() {}

  static void requireWrite(McpCaller caller, String tool) {
    if (!caller.mayWrite()) {
      throw new McpToolException(
          tool
              + " changes data, and caller '"
              + caller.name()
              + "' may only read; use an API key with the editor or admin role");
    }
  }
}
