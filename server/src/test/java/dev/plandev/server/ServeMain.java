package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.security.Role;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.Map;

/**
 * The child process of {@link GracefulShutdownTest} and {@link TwoInstancesTest}: serves until
 * SIGTERM, closing the server and then the store from a shutdown hook, as {@code plandev serve}
 * does. Arguments: the data directory, then settings as {@code section.key=value}.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> settings = new java.util.LinkedHashMap<>();
    settings.put("dataDir", args[0]);
    settings.put("server.port", "0");
    settings.put("server.rateLimit", "0");
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    PlandevConfig config =
        new ConfigLoader(java.nio.file.Path.of(args[0]), Map.of())
            .load(null, settings, Map.of())
            .config();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC(), registry);
    String key =
        defaults
            .apiKeys()
            .create(
                "writer-" + ProcessHandle.current().pid(),
                Role.EDITOR,
                dev.plandev.defaults.model.Actor.of("t"))
            .secret();
    PlandevServer server = PlandevServer.start(defaults, registry, Clock.systemUTC());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  defaults.close();
                  System.out.println("STOPPED");
                  System.out.flush();
                }));
    System.out.println("READY " + server.port() + " " + key);
    System.out.flush();
    Thread.currentThread().join();
  }
}
