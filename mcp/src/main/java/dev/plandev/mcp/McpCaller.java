package dev.plandev.mcp;

import java.util.Objects;

/**
 * Who calls the MCP tools: the name their changes are audited under and whether they may write.
 *
 * @param name the user or API key name recorded as the actor of every change
 * @param mayWrite false for read-only callers (an API key of role {@code reader}): {@code
 *     plan_update}, {@code plan_new}, {@code defaults_set} and {@code defaults_feedback} refuse
 */
public record McpCaller(String name, boolean mayWrite) {
  public McpCaller {
    Objects.requireNonNull(name, "name");
  }
}
