package dev.plandev.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plandev MCP server: the tools and plan resources that AI coding agents use, over stdio
 * ({@link #serveStdio}) or streamable HTTP ({@link McpHttpEndpoint}).
 *
 * <pre>{@code
 * PlandevMcp mcp =
 *     PlandevMcp.builder()
 *         .roots(List.of(Path.of("docs/plans")))
 *         .defaults(() -> engine)
 *         .clock(Clock.systemUTC())
 *         .build();
 * mcp.serveStdio(System.in, System.out); // returns when the client closes stdin
 * }</pre>
 *
 * <p>Nothing is written to the output stream but protocol messages: logs go through SLF4J, whose
 * configuration must keep them off stdout.
 */
public final class PlandevMcp {
  /** The transport-context key under which HTTP requests carry their {@link McpCaller}. */
  static final String CALLER = "plandev.caller";

  private static final Logger LOG = LoggerFactory.getLogger(PlandevMcp.class);

  private static final String INSTRUCTIONS =
      "plandev: Markdown development plans and learned defaults. Plans are resources"
          + " plan://<path>; task ids come from plan_next, plan_find or plan_status.";

  private final PlanRoots roots;
  private final boolean followClientRoots;
  private final Supplier<SmartDefaults> defaults;
  private final Clock clock;
  private final McpCaller localCaller;
  private final String version;
  private final ObjectMapper objectMapper =
      new ObjectMapper().registerModule(McpErrors.jsonModule());
  private final McpJsonMapper json = new JacksonMcpJsonMapper(objectMapper);
  private final Object writes = new Object();

  private PlandevMcp(Builder b) {
    this.roots = new PlanRoots(b.roots);
    this.followClientRoots = b.followClientRoots;
    this.defaults = Objects.requireNonNull(b.defaults, "defaults");
    this.clock = Objects.requireNonNull(b.clock, "clock");
    this.localCaller = Objects.requireNonNull(b.localCaller, "localCaller");
    this.version = Objects.requireNonNull(b.version, "version");
  }

  /** A builder; {@code roots}, {@code defaults} and {@code clock} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The JSON Schema check to hand an MCP SDK client built in a plandev process ({@code
   * McpClient.sync(transport).jsonSchemaValidator(...)}): the SDK's default needs a networknt
   * validator 2.x, whose classes clash with the 1.5 that core uses.
   */
  public static JsonSchemaValidator jsonSchemaValidator() {
    return new SchemaCheck(new ObjectMapper());
  }

  /** The real paths of the plan roots. */
  public List<Path> roots() {
    return roots.all();
  }

  /**
   * Serves one client over newline-delimited JSON-RPC on these streams until the input ends, then
   * closes the server. Nothing but protocol messages is written to {@code out}.
   *
   * <p>A line that is no JSON-RPC message (not UTF-8 JSON, over 4 MiB, nesting deeper than 64
   * levels, or JSON of another shape) is answered with a JSON-RPC error and serving goes on.
   */
  public void serveStdio(InputStream in, OutputStream out) throws InterruptedException {
    InputEnd end = new InputEnd(new CheckedStdin(in, out, new JsonRpcCheck(json)));
    McpSyncServer server =
        build(McpServer.sync(new StdioServerTransportProvider(json, end, out)), followClientRoots);
    try {
      end.await();
    } finally {
      server.closeGracefully();
    }
  }

  /** Builds the server on a streamable HTTP transport (see {@link McpHttpEndpoint}). */
  McpSyncServer serve(McpStreamableServerTransportProvider transport) {
    // Clients of one HTTP endpoint share its roots: none of them may move the others'.
    return build(McpServer.sync(transport), false);
  }

  McpJsonMapper json() {
    return json;
  }

  /** The tools as a server would offer them, for tests that call or measure them directly. */
  ToolCatalog catalog() {
    return catalog(new AtomicReference<>(), exchange -> {});
  }

  private McpSyncServer build(McpServer.SyncSpecification<?> spec, boolean followClient) {
    AtomicReference<McpSyncServer> server = new AtomicReference<>();
    PlanResources resources = new PlanResources(roots);
    ClientRoots clientRoots = new ClientRoots(roots, () -> relist(server.get(), resources));
    Consumer<McpSyncServerExchange> prepare = followClient ? clientRoots::prepare : exchange -> {};
    McpSyncServer built =
        spec.serverInfo("plandev", version)
            .instructions(INSTRUCTIONS)
            .jsonMapper(json)
            .jsonSchemaValidator(new SchemaCheck(objectMapper))
            // Arguments checks inputs itself, with messages that name the argument to fix.
            .validateToolInputs(false)
            .uriTemplateManagerFactory(new PlanUriTemplates())
            .requestTimeout(Duration.ofMinutes(2))
            .capabilities(
                McpSchema.ServerCapabilities.builder().tools(false).resources(false, true).build())
            .tools(catalog(server, prepare).specifications())
            .resources(resources.listed().stream().map(r -> guarded(r, prepare)).toList())
            .resourceTemplates(guarded(resources.template(), prepare))
            .rootsChangeHandler(
                (exchange, declared) -> {
                  if (followClient) {
                    clientRoots.changed(declared);
                  } else {
                    LOG.info("MCP client roots {} ignored: the plan roots were given", declared);
                  }
                })
            .build();
    server.set(built);
    return built;
  }

  private ToolCatalog catalog(
      AtomicReference<McpSyncServer> server, Consumer<McpSyncServerExchange> prepare) {
    PlanResources resources = new PlanResources(roots);
    Consumer<Path> created =
        file -> {
          McpSyncServer s = server.get();
          if (s != null) {
            s.addResource(guarded(resources.spec(file), prepare));
          }
        };
    PlanEdits edits = new PlanEdits(writes);
    List<PlandevTool> tools =
        List.of(
            new StatusTool(roots),
            new NextTool(roots),
            new ShowTool(roots),
            new FindTool(roots),
            new AddTool(roots, edits),
            new UpdateTool(roots, edits),
            new LintTool(roots),
            new NewPlanTool(roots, defaults, clock, writes, created),
            new GetDefaultTool(defaults),
            new SuggestTool(defaults),
            new SetDefaultTool(defaults),
            new FeedbackTool(defaults));
    return new ToolCatalog(json, tools, this::caller, prepare);
  }

  /**
   * Lists the plans now under the roots as resources, after the roots changed: the SDK keeps a
   * table of listed resources, and tells the client of each change to it.
   */
  private static void relist(McpSyncServer server, PlanResources resources) {
    if (server == null) {
      return;
    }
    List<SyncResourceSpecification> now = resources.listed();
    Set<String> wanted = new HashSet<>();
    now.forEach(r -> wanted.add(r.resource().uri()));
    Set<String> listed = new HashSet<>();
    for (McpSchema.Resource r : server.listResources()) {
      if (wanted.contains(r.uri())) {
        listed.add(r.uri());
      } else {
        server.removeResource(r.uri());
      }
    }
    for (SyncResourceSpecification r : now) {
      if (!listed.contains(r.resource().uri())) {
        // The roots are known by now: reading needs no preparation, only the error mapping.
        server.addResource(guarded(r, exchange -> {}));
      }
    }
  }

  private McpCaller caller(McpSyncServerExchange exchange) {
    McpTransportContext context = exchange.transportContext();
    Object caller = context == null ? null : context.get(CALLER);
    return caller instanceof McpCaller c ? c : localCaller;
  }

  private static SyncResourceSpecification guarded(
      SyncResourceSpecification spec, Consumer<McpSyncServerExchange> prepare) {
    return new SyncResourceSpecification(spec.resource(), guarded(spec.readHandler(), prepare));
  }

  private static SyncResourceTemplateSpecification guarded(
      SyncResourceTemplateSpecification spec, Consumer<McpSyncServerExchange> prepare) {
    return new SyncResourceTemplateSpecification(
        spec.resourceTemplate(), guarded(spec.readHandler(), prepare));
  }

  private static BiFunction<McpSyncServerExchange, ReadResourceRequest, ReadResourceResult> guarded(
      BiFunction<McpSyncServerExchange, ReadResourceRequest, ReadResourceResult> read,
      Consumer<McpSyncServerExchange> prepare) {
    return (exchange, request) -> {
      try {
        prepare.accept(exchange);
        return read.apply(exchange, request);
      } catch (RuntimeException e) {
        throw McpErrors.readFailure(request.uri(), e);
      }
    };
  }

  /** Collects the settings of a {@link PlandevMcp}. */
  public static final class Builder {
    private List<Path> roots = List.of();
    private boolean followClientRoots;
    private Supplier<SmartDefaults> defaults;
    private Clock clock;
    private McpCaller localCaller = new McpCaller("mcp", true);
    private String version = "dev";

    private Builder() {}

    /** Folders whose plans agents may read and change; at least one, each must exist. */
    public Builder roots(List<Path> folders) {
      this.roots = List.copyOf(folders);
      return this;
    }

    /**
     * Whether, over stdio, the plan roots follow the workspace roots the client declares (MCP
     * {@code roots/list}, refreshed on {@code notifications/roots/list_changed}): its {@code
     * file://} folders that exist here, worktrees included. The {@link #roots} given serve until
     * the client has told its roots, and whenever it declares none that can be used. Default false:
     * the roots given are the roots, as when a person named them on the command line.
     */
    public Builder followClientRoots(boolean follow) {
      this.followClientRoots = follow;
      return this;
    }

    /** The engine, fetched on first use (a store that cannot open then fails only that call). */
    public Builder defaults(Supplier<SmartDefaults> engine) {
      this.defaults = engine;
      return this;
    }

    /** The time of generated plans ({@code today}, {@code year}). */
    public Builder clock(Clock time) {
      this.clock = time;
      return this;
    }

    /** Who stdio calls are made by (HTTP calls carry their own caller); default {@code mcp}. */
    public Builder localCaller(McpCaller caller) {
      this.localCaller = caller;
      return this;
    }

    /** The version reported to clients in {@code serverInfo}. */
    public Builder version(String v) {
      this.version = v;
      return this;
    }

    /**
     * Validates the settings and builds.
     *
     * @throws IllegalArgumentException when a root is missing or not a folder
     * @throws NullPointerException when {@code defaults} or {@code clock} is not set
     */
    public PlandevMcp build() {
      return new PlandevMcp(this);
    }
  }
}
