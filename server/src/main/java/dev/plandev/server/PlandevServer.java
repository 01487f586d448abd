package dev.plandev.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.ServerSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.tracing.Tracing;
import dev.plandev.server.web.WebUi;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.eclipse.jetty.server.handler.StatisticsHandler;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plandev HTTP service: the Smart Defaults REST API, OFREP, docs, health, readiness and metrics
 * on one port (metrics also on {@code monitoring.metricsPort} when set).
 *
 * <pre>{@code
 * try (PlandevServer server = PlandevServer.start(defaults, registry, Clock.systemUTC())) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 *
 * <p>{@link #close()} stops gracefully: readiness turns 503 first, then the listener stops taking
 * connections and in-flight requests get up to {@code server.shutdownTimeout} to finish.
 */
public final class PlandevServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PlandevServer.class);

  private final Javalin app;
  private final Javalin metricsApp;
  private final Routes routes;
  private final HttpMetrics metrics;
  private final Scheduler scheduler;
  private final AtomicBoolean stopping;
  private final String host;
  private final WebUi web;
  private final SmartDefaults defaults;
  private final Telemetry telemetry;

  private PlandevServer(
      Javalin app,
      Javalin metricsApp,
      Routes routes,
      HttpMetrics metrics,
      Scheduler scheduler,
      AtomicBoolean stopping,
      String host,
      WebUi web,
      SmartDefaults defaults,
      Telemetry telemetry) {
    this.web = web;
    this.defaults = defaults;
    this.telemetry = telemetry;
    this.app = app;
    this.metricsApp = metricsApp;
    this.routes = routes;
    this.metrics = metrics;
    this.scheduler = scheduler;
    this.stopping = stopping;
    this.host = host;
  }

  /**
   * The JSON mapper of the API: ISO-8601 times, no nulls dropped, and numbers read exactly as sent
   * (a double would turn 3.14159265358979323846 into 3.141592653589793, 1.10 into 1.1 and 1e999
   * into Infinity); the engine checks their size ({@code NumberBounds}).
   */
  static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .build();
  }

  /**
   * Starts the service on {@code server.host}:{@code server.port} of the engine's configuration
   * (port 0 picks a free one).
   */
  public static PlandevServer start(
      SmartDefaults defaults, PrometheusMeterRegistry registry, Clock clock) {
    return start(defaults, registry, clock, Map.of());
  }

  /**
   * Starts the service with extra servlets mounted beside the API, by path (the CLI mounts the MCP
   * endpoint at {@code /mcp} this way, so this module need not know about MCP). A mounted servlet
   * checks its own credentials; {@link MountedServletGuard} gives it the rest of the guard (rate
   * limit, headers, correlation id, metrics, error bodies).
   */
  public static PlandevServer start(
      SmartDefaults defaults,
      PrometheusMeterRegistry registry,
      Clock clock,
      Map<String, ? extends HttpServlet> mounts) {
    return start(defaults, registry, clock, mounts, Path.of("").toAbsolutePath());
  }

  /**
   * Starts the service with extra servlets mounted beside the API; the web UI's plan roots ({@code
   * server.planRoots}) that are relative are taken from {@code workingDir}. Traces go where {@code
   * monitoring.tracing} says, if it is enabled.
   */
  public static PlandevServer start(
      SmartDefaults defaults,
      PrometheusMeterRegistry registry,
      Clock clock,
      Map<String, ? extends HttpServlet> mounts,
      Path workingDir) {
    Telemetry telemetry = Telemetry.start(defaults.config().monitoring().tracing());
    try {
      return start(defaults, registry, clock, mounts, workingDir, telemetry);
    } catch (RuntimeException e) {
      telemetry.close();
      throw e;
    }
  }

  /**
   * Starts the service with its spans going to {@code telemetry} (tests give an SDK with an
   * in-memory exporter); the service closes it when it stops.
   */
  static PlandevServer start(
      SmartDefaults defaults,
      PrometheusMeterRegistry registry,
      Clock clock,
      Map<String, ? extends HttpServlet> mounts,
      Path workingDir,
      Telemetry telemetry) {
    PlandevConfig config = defaults.config();
    ServerSettings settings = config.server();
    if (!config.security().adminKey().isEmpty()) {
      defaults.apiKeys().ensureConfigured(config.security().adminKey(), Actor.of("plandev serve"));
    }
    ObjectMapper mapper = mapper();
    AtomicBoolean stopping = new AtomicBoolean();
    Guard guard = new Guard(defaults.apiKeys(), settings, clock);
    HttpMetrics metrics = new HttpMetrics(registry, defaults);
    BackupJobs backups = new BackupJobs(config, clock);
    backups.registerMeters(registry);
    OpsApi ops = new OpsApi(defaults, registry, stopping::get, guard::hasValidKey, backups);
    // The scheduler starts once the service listens; until then the UI lists no jobs.
    AtomicReference<Scheduler> jobs = new AtomicReference<>();
    WebUi web =
        WebUi.create(
            defaults,
            planRoots(settings.planRoots(), workingDir),
            clock,
            ctx -> guard.takeAddressToken(ctx.ip(), ctx::header),
            new RunningServiceStatus(ops, jobs::get, registry, backups));
    Javalin app =
        Javalin.create(
            c -> {
              configure(
                  c,
                  settings,
                  mapper,
                  mounts,
                  path -> new MountedServletGuard(guard, metrics, mapper, path),
                  telemetry.tracing());
              WebUi.staticFiles(c);
            });
    Routes routes = new Routes(app);
    Problems.install(app, web);
    guard.install(app);
    web.install(app);
    metrics.install(app);
    if (telemetry.tracing().on()) {
      app.after(RequestTracing::nameAfterRoute);
      defaults.trace(telemetry.tracing());
    }
    registerRoutes(routes, defaults, mapper, ops);
    new BackupsApi(backups, new Bodies(mapper)).register(routes);
    try {
      listen(app, settings.host(), settings.port(), "server.port");
    } catch (RuntimeException e) {
      web.close();
      throw e;
    }
    Javalin metricsApp;
    try {
      metricsApp = startMetricsPort(config, ops);
    } catch (RuntimeException e) {
      app.stop();
      web.close();
      throw e;
    }
    Scheduler scheduler = Scheduler.start(defaults, clock, backups);
    jobs.set(scheduler);
    PlandevServer server =
        new PlandevServer(
            app,
            metricsApp,
            routes,
            metrics,
            scheduler,
            stopping,
            settings.host(),
            web,
            defaults,
            telemetry);
    LOG.info("plandev service listening on {}", server.url());
    return server;
  }

  /** The folders of {@code server.planRoots} (comma-separated), relative ones under {@code dir}. */
  static List<Path> planRoots(String setting, Path dir) {
    return Arrays.stream(setting.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(s -> dir.resolve(s).normalize())
        .toList();
  }

  /** Javalin and its Jetty: JSON mapper, request limits, graceful stop, static files, mounts. */
  private static void configure(
      JavalinConfig c,
      ServerSettings settings,
      ObjectMapper mapper,
      Map<String, ? extends HttpServlet> mounts,
      Function<String, Filter> mountGuard,
      Tracing tracing) {
    c.showJavalinBanner = false;
    c.jsonMapper(new JavalinJackson(mapper, false));
    c.http.maxRequestSize = settings.maxBodyBytes();
    c.http.prefer405over404 = true;
    c.router.ignoreTrailingSlashes = true;
    c.jetty.defaultHost = settings.host();
    c.jetty.modifyServer(
        s -> {
          // Jetty waits for in-flight requests on stop only through a StatisticsHandler;
          // Javalin attaches its own handler inside this one.
          s.setHandler(new StatisticsHandler());
          s.setStopTimeout(settings.shutdownTimeout().toMillis());
          s.setErrorHandler(new ProtocolErrors(mapper, settings.maxHeaderBytes()));
        });
    c.jetty.modifyHttpConfiguration(
        h -> {
          h.setRequestHeaderSize(settings.maxHeaderBytes());
          h.setSendServerVersion(false);
        });
    Docs.staticFiles(c);
    c.jetty.modifyServletContextHandler(
        h -> {
          h.setErrorHandler(new ProtocolErrors(mapper, settings.maxHeaderBytes()));
          if (tracing.on()) {
            // First, so that the request's span covers the other filters and every mount.
            FilterHolder traced = new FilterHolder(new RequestTracing(tracing));
            traced.setAsyncSupported(true);
            h.addFilter(traced, "/*", EnumSet.of(DispatcherType.REQUEST));
          }
          // Filters before an async servlet (Javalin's, MCP's) must allow async themselves.
          FilterHolder brokenEscapes = new FilterHolder(new BrokenPathEscapes(mapper));
          brokenEscapes.setAsyncSupported(true);
          h.addFilter(brokenEscapes, "/*", EnumSet.of(DispatcherType.REQUEST));
          FilterHolder noOverride = new FilterHolder(new IgnoredMethodOverride());
          noOverride.setAsyncSupported(true);
          h.addFilter(noOverride, "/*", EnumSet.of(DispatcherType.REQUEST));
          mounts.forEach(
              (path, servlet) -> {
                ServletHolder holder = new ServletHolder(servlet);
                holder.setAsyncSupported(true);
                h.addServlet(holder, path);
                FilterHolder guard = new FilterHolder(mountGuard.apply(path));
                guard.setAsyncSupported(true);
                h.addFilter(guard, path, EnumSet.of(DispatcherType.REQUEST));
              });
        });
  }

  /** Every route of the service, each resource registering its own. */
  private static void registerRoutes(
      Routes routes, SmartDefaults defaults, ObjectMapper mapper, OpsApi ops) {
    new DefaultsApi(defaults, mapper).register(routes);
    ops.register(routes);
    new KeysApi(defaults.apiKeys(), new Bodies(mapper)).register(routes);
    new OfrepApi(defaults, mapper).register(routes);
    new Docs().register(routes);
  }

  /**
   * Metrics alone on their own port ({@code monitoring.metricsPort}), or null when not set or when
   * {@code monitoring.enabled} is false.
   */
  private static Javalin startMetricsPort(PlandevConfig config, OpsApi ops) {
    if (!config.monitoring().enabled() || config.monitoring().metricsPort() <= 0) {
      return null;
    }
    Javalin metrics =
        Javalin.create(c -> c.showJavalinBanner = false).get("/metrics", ops::metrics);
    listen(
        metrics,
        config.server().host(),
        config.monitoring().metricsPort(),
        "monitoring.metricsPort");
    return metrics;
  }

  /**
   * Starts listening, or says plainly that the port is taken. Jetty's graceful stop after a failed
   * start can throw over the bind failure, so a taken port is also recognised by trying it.
   */
  private static void listen(Javalin app, String host, int port, String setting) {
    try {
      app.start(host, port);
    } catch (Exception e) { // Javalin (Kotlin) lets Jetty's checked exceptions through too
      try {
        app.stop();
      } catch (Exception alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      if (port != 0 && (causedByBind(e) || taken(host, port))) {
        throw new PortInUseException(host, port, setting, e);
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }

  private static boolean causedByBind(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
      for (Throwable s : t.getSuppressed()) {
        if (causedByBind(s)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean taken(String host, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(host, port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  /** The port the service listens on. */
  public int port() {
    return app.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
  public URI url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return URI.create("http://" + h + ":" + port());
  }

  /**
   * A one-time link that signs its first visitor in to the web UI as {@code key} (printed at first
   * start instead of the key itself in a URL).
   */
  public URI signInLink(ApiKey key) {
    return web.signInLink(url(), key);
  }

  List<Routes.Route> routes() {
    return routes.all();
  }

  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    LOG.info("plandev service stopping: finishing in-flight requests");
    scheduler.close();
    if (metricsApp != null) {
      metricsApp.stop();
    }
    web.close(); // ends the pages' event streams, which would hold the graceful stop
    app.stop();
    metrics.close();
    if (telemetry.tracing().on()) {
      defaults.trace(Tracing.OFF);
    }
    telemetry.close(); // exports the spans still waiting
    LOG.info("plandev service stopped");
  }
}
