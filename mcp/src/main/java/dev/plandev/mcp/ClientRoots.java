package dev.plandev.mcp;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.ClientCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Root;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the plan roots follow the workspace roots an MCP client declares (its open folders and
 * worktrees), when no root was given on the command line.
 *
 * <p>A client that declares the {@code roots} capability is asked for them ({@code roots/list}) on
 * its first tool call or plan read, and its {@code notifications/roots/list_changed} replace them
 * again. Only {@code file://} roots that are existing folders here count; any other is left out
 * with a log line. Until the client has told its roots, when it declares none, or when none of them
 * can be used, the roots the server started with stay.
 */
final class ClientRoots {
  private static final Logger LOG = LoggerFactory.getLogger(ClientRoots.class);

  private final PlanRoots roots;
  private final Runnable onChange;
  private boolean asked;

  /**
   * Follows the client into {@code roots}; {@code onChange} runs after each replacement (to list
   * the plans of the new folders).
   */
  ClientRoots(PlanRoots roots, Runnable onChange) {
    this.roots = roots;
    this.onChange = onChange;
  }

  /** Before serving a call: asks the client for its roots once, if it declares any. */
  synchronized void prepare(McpSyncServerExchange exchange) {
    if (asked) {
      return;
    }
    asked = true;
    ClientCapabilities capabilities = exchange.getClientCapabilities();
    if (capabilities == null || capabilities.roots() == null) {
      LOG.info("the MCP client declares no workspace roots; plan roots stay {}", roots.all());
      return;
    }
    List<Root> declared;
    try {
      declared = exchange.listRoots().roots();
    } catch (RuntimeException e) {
      LOG.warn("the MCP client did not list its roots; plan roots stay {}", roots.all(), e);
      return;
    }
    adopt(declared);
  }

  /** The client's roots changed to {@code declared}. */
  synchronized void changed(List<Root> declared) {
    asked = true;
    adopt(declared);
  }

  private void adopt(List<Root> declared) {
    List<Path> folders = new ArrayList<>();
    for (Root root : declared == null ? List.<Root>of() : declared) {
      Path folder = folder(root.uri());
      if (folder != null && !folders.contains(folder)) {
        folders.add(folder);
      }
    }
    if (folders.isEmpty()) {
      LOG.warn(
          "none of the MCP client's roots is a folder here ({}); plan roots stay {}",
          declared,
          roots.all());
      return;
    }
    roots.follow(folders);
    LOG.info("plan roots follow the MCP client: {}", folders);
    onChange.run();
  }

  /** The real path of the existing folder a {@code file://} URI names, or null (logged). */
  private static Path folder(String uri) {
    try {
      URI parsed = URI.create(uri);
      if (!"file".equalsIgnoreCase(parsed.getScheme())) {
        LOG.warn("MCP client root {} ignored: only file:// roots can hold plans", uri);
        return null;
      }
      Path real = Path.of(parsed).toRealPath();
      if (!Files.isDirectory(real)) {
        LOG.warn("MCP client root {} ignored: not a folder", uri);
        return null;
      }
      return real;
    } catch (IOException e) {
      LOG.warn("MCP client root {} ignored: no such folder here", uri);
      return null;
    } catch (IllegalArgumentException e) {
      LOG.warn("MCP client root {} ignored: not a local file URI ({})", uri, e.getMessage());
      return null;
    }
  }
}
