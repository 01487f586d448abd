package dev.plandev.cli.serve;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.backup.ServiceLocks;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.store.ApiKeys;
import dev.plandev.mcp.McpCaller;
import dev.plandev.mcp.McpHttpEndpoint;
import dev.plandev.mcp.PlandevMcp;
import dev.plandev.server.BearerToken;
import dev.plandev.server.PlandevServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plandev serve}: runs the HTTP service until stopped. */
@Command(
    name = "serve",
    description = {
      "Run the Smart Defaults HTTP service (web UI at /, REST API, OFREP, /docs, /health,"
          + " /ready, /metrics).",
      "Also serves MCP (streamable HTTP) at /mcp for AI agents, with the same API keys.",
      "The web UI shows the plans under server.planRoots (default: the working directory).",
      "On first start with no API key, prints an admin key and a one-time sign-in link once.",
      "Stop with Ctrl-C or SIGTERM:",
      "in-flight requests finish, then the store closes."
    },
    mixinStandardHelpOptions = true)
public final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description = "Address to bind (default from server.host: 127.0.0.1)")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port (default from server.port: 8080; 0 picks a free one)")
  Integer port;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Folder of plans served to agents at /mcp (repeatable; default: working directory)")
  List<Path> roots = new ArrayList<>();

  @Override
  public Integer call() {
    Invocation invocation = Invocation.of(spec);
    if (host != null) {
      invocation.setOption("server.host", host, "--host");
    }
    if (port != null) {
      invocation.setOption("server.port", port.toString(), "--port");
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SmartDefaults defaults = invocation.defaults(registry);
    // Held while serving, so that a restore never replaces the store under the service; the
    // system releases it when the process ends, however it ends.
    ServiceLocks locks = ServiceLocks.acquire(defaults.config(), "plandev serve");
    PrintWriter out = spec.commandLine().getOut();
    PlandevServer server;
    try {
      server =
          PlandevServer.start(
              defaults,
              registry,
              invocation.environment().clock(),
              Map.of(McpHttpEndpoint.PATH, mcpEndpoint(invocation, defaults)),
              invocation.environment().workingDir());
    } catch (RuntimeException e) {
      locks.close();
      throw e;
    }
    // Made once the service listens: a key made before a failed start would never be shown.
    ApiKeys.Created firstKey = firstAdminKey(defaults, invocation);
    CountDownLatch stopped = new CountDownLatch(1);
    // Other ways the JVM ends (System.exit, or signals where no handler could be installed):
    // the hook still stops the service before the store closes.
    Thread hook =
        new Thread(
            () -> {
              server.close();
              invocation.close();
              locks.close();
              stopped.countDown();
            },
            "plandev-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    TerminationSignal signals = TerminationSignal.install(stopped::countDown);
    try {
      printStarted(out, server, defaults, firstKey);
      try {
        stopped.await();
      } catch (InterruptedException e) {
        // Embedded use (tests, an IDE): interrupting the thread stops the service like SIGTERM.
        // The stop itself must not see the interrupt, or Jetty abandons waiting for requests.
        stop(hook, server, out);
        Thread.currentThread().interrupt();
        return 0;
      }
      // SIGTERM or SIGINT: a clean stop is a success (exit 0), as for any command that finished.
      stop(hook, server, out);
    } finally {
      signals.close();
      locks.close();
    }
    return 0;
  }

  /** Stops the service here unless the shutdown hook is already doing it. */
  private static void stop(Thread hook, PlandevServer server, PrintWriter out) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyShuttingDown) {
      return; // the hook is running; it closes the server itself
    }
    server.close();
    out.println("plandev stopped: in-flight requests finished");
    out.flush();
  }

  private static void printStarted(
      PrintWriter out, PlandevServer server, SmartDefaults defaults, ApiKeys.Created firstKey) {
    out.printf("plandev serving on %s (%s)%n", server.url(), defaults.databaseDescription());
    out.printf(
        "  web UI: %s/   API docs: %s/docs   health: %s/health   MCP: %s/mcp%n",
        server.url(), server.url(), server.url(), server.url());
    if (firstKey != null) {
      out.println();
      out.printf(
          "  First start: created API key '%s' (role admin). It is shown only now:%n",
          firstKey.key().name());
      out.println("    " + firstKey.secret());
      out.println("  Sign in to the web UI with this one-time link (it works once, for an hour):");
      out.println("    " + server.signInLink(firstKey.key()));
      out.println("  API docs: press Authorize at /docs and paste the key above.");
      out.println("  More keys: plandev keys create NAME --role reader|editor|admin");
    }
    out.println("  Stop with Ctrl-C.");
    out.flush();
  }

  /**
   * The MCP endpoint at {@code /mcp}, over the plans under the working directory (or {@code
   * --root}), with the same API keys as the REST API: readers may not use the write tools.
   */
  private McpHttpEndpoint mcpEndpoint(Invocation invocation, SmartDefaults defaults) {
    List<Path> folders =
        roots.isEmpty()
            ? List.of(invocation.environment().workingDir())
            : roots.stream().map(invocation.environment()::resolve).toList();
    PlandevMcp mcp =
        PlandevMcp.builder()
            .roots(folders)
            .defaults(() -> defaults)
            .clock(invocation.environment().clock())
            .version(String.valueOf(ServeCommand.class.getPackage().getImplementationVersion()))
            .build();
    ApiKeys keys = defaults.apiKeys();
    return new McpHttpEndpoint(
        mcp,
        request ->
            BearerToken.parse(request.getHeader("Authorization"))
                .flatMap(keys::authenticate)
                .map(k -> new McpCaller(k.name(), k.role().includes(Role.EDITOR))));
  }

  private static ApiKeys.Created firstAdminKey(SmartDefaults defaults, Invocation invocation) {
    ApiKeys keys = defaults.apiKeys();
    if (keys.anyActive()) {
      return null;
    }
    String name =
        keys.list().isEmpty()
            ? "admin"
            : "admin-" + LocalDate.now(invocation.environment().clock());
    return keys.create(name, Role.ADMIN, invocation.actor());
  }
}
