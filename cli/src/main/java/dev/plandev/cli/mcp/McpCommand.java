package dev.plandev.cli.mcp;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.backup.ServiceLocks;
import dev.plandev.mcp.McpCaller;
import dev.plandev.mcp.PlandevMcp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code plandev mcp}: serves plans and smart defaults to an AI coding agent over stdio until the
 * agent closes the pipe.
 *
 * <p>Standard output carries the protocol only. Logs never go there: the CLI's logging writes JSON
 * to {@code logs/} in the data directory and, at a terminal, readable lines to stderr.
 */
@Command(
    name = "mcp",
    description = {
      "Serve plans and smart defaults to AI coding agents (Model Context Protocol over stdio).",
      "Tools: plan_status, plan_next, plan_show, plan_find, plan_add, plan_update,",
      "plan_lint, plan_new, defaults_get, defaults_suggest, defaults_set,",
      "defaults_feedback.",
      "Resources: the plans under the roots, as plan://PATH."
    },
    mixinStandardHelpOptions = true,
    footerHeading =
        "%nClient configuration, for .mcp.json (other agents take the same command and"
            + " args):%n")
final class McpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Folder whose plans agents may read and change (repeatable). Without it, the agent's"
              + " workspace folders (MCP roots, worktrees included) when it declares them, else the"
              + " working directory. Paths outside the roots, through '..' or symbolic links, are"
              + " refused.")
  List<Path> roots = new ArrayList<>();

  /**
   * The client configuration {@code --help} shows: lines short enough that no terminal of 80
   * columns wraps them, so the JSON can be copied as printed, with the path of the running jar.
   */
  static String[] clientConfiguration() {
    String jar = runningJar().replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%");
    return new String[] {
      "  {\"mcpServers\": {\"plandev\": {",
      "    \"command\": \"java\",",
      "    \"args\": [\"-jar\", \"" + jar + "\",",
      "             \"mcp\", \"--root\", \"plans\"]}}}"
    };
  }

  /** The runnable jar this runs from, or where the build puts it when run from classes. */
  private static String runningJar() {
    try {
      Path location =
          Path.of(McpCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (location.toString().endsWith(".jar")) {
        return location.toAbsolutePath().toString();
      }
    } catch (java.net.URISyntaxException | RuntimeException e) {
      // no code source: fall back to the documented place
    }
    return "cli/target/plandev.jar";
  }

  @Override
  public Integer call() throws InterruptedException {
    Invocation invocation = Invocation.of(spec);
    Environment env = invocation.environment();
    invocation.config(); // a bad configuration fails here, before the agent connects
    List<Path> folders =
        roots.isEmpty() ? List.of(env.workingDir()) : roots.stream().map(env::resolve).toList();
    PlandevMcp mcp;
    try {
      mcp =
          PlandevMcp.builder()
              .roots(folders)
              .followClientRoots(roots.isEmpty())
              .defaults(invocation::defaults)
              .clock(env.clock())
              .localCaller(new McpCaller(env.user("unknown") + "@mcp", true))
              .version(version())
              .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--root: " + e.getMessage());
    }
    // Held while serving, as plandev serve holds them: a restore is refused while an agent may
    // still read or write the store through this process.
    try (ServiceLocks locks = ServiceLocks.acquire(invocation.config().config(), "plandev mcp")) {
      mcp.serveStdio(env.in(), new ProtocolOutput(env.out()));
      invocation.close(); // the store closes before the locks are released
    }
    return 0;
  }

  private static String version() {
    String v = McpCommand.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
