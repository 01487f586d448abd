package dev.plandev.server.web;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.Role;
import dev.plandev.server.PlandevServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A real {@code plandev serve} service on a random port over a temp SQLite store, with plan files
 * in its plan root and one key per role.
 */
final class WebServer implements AutoCloseable {
  /** A small plan whose tasks the tests tick, with a progress line that starts out stale. */
  static final String PLAN =
      """
      # Web plan

      Progress: 0/4

      ## 1. Build

      - [ ] Write the parser
      - [x] Write the tests
      - [ ] Ship the release #status:in-progress

      ## 2. Later

      - [ ] Wait for the review #status:blocked
      """;

  final Path plans;
  final Path plan;
  final SmartDefaults defaults;
  final PlandevServer server;
  final String admin;
  final String editor;
  final String reader;

  WebServer(Path dir, Path... corpusPlans) {
    this(dir, Clock.systemUTC(), corpusPlans);
  }

  /** The service on {@code clock}, which stamps usage events, audit rows and sessions. */
  WebServer(Path dir, Clock clock, Path... corpusPlans) {
    this(dir, clock, Map.of(), corpusPlans);
  }

  /** The service with more {@code settings} (such as {@code backup.dir}) than the tests' own. */
  WebServer(Path dir, Clock clock, Map<String, String> settings, Path... corpusPlans) {
    try {
      plans = Files.createDirectories(dir.resolve("plans"));
      plan = plans.resolve("web-plan.md");
      Files.writeString(plan, PLAN);
      for (Path p : corpusPlans) {
        Files.copy(p, plans.resolve(p.getFileName()));
        plans.resolve(p.getFileName()).toFile().setWritable(true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> all = new HashMap<>(settings);
    all.put("dataDir", dir.resolve("data").toString());
    all.put("server.port", "0");
    all.put("server.planRoots", plans.toString());
    PlandevConfig config = new ConfigLoader(dir, Map.of()).load(null, all, Map.of()).config();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    defaults = SmartDefaults.open(config, clock, registry);
    Actor setup = Actor.of("setup");
    admin = defaults.apiKeys().create("admin", Role.ADMIN, setup).secret();
    editor = defaults.apiKeys().create("editor", Role.EDITOR, setup).secret();
    reader = defaults.apiKeys().create("reader", Role.READER, setup).secret();
    server = PlandevServer.start(defaults, registry, clock);
  }

  String url(String path) {
    return server.url() + path;
  }

  @Override
  public void close() {
    server.close();
    defaults.close();
  }
}
