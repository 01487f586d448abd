package dev.plandev.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.security.Role;
import dev.plandev.server.PlandevServer;
import dev.plandev.testing.LocalServices;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every metric that an alert rule or a dashboard panel reads is one that the real service exports
 * on {@code /metrics}: a renamed meter, or a typo in a rule, fails here instead of leaving an alert
 * that can never fire or a panel that stays empty.
 */
class MetricNamesTest {
  /** Series Prometheus makes itself for each scrape, which no service exports. */
  static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

  /**
   * Meters of a store with a database server, which a service on SQLite (a file of its own process,
   * that cannot become unreachable) does not export: checked against a service on the machine's
   * PostgreSQL instead.
   */
  static final Set<String> POSTGRES_ONLY = Set.of("plandev_store_reachable");

  @TempDir Path dir;

  @Test
  void rulesAndDashboard_nameOnlyExportedMetrics() throws Exception {
    Map<String, Set<String>> referenced = referencedMetrics();
    Set<String> exported = scrapeAfterTraffic(redisSettings());
    Set<String> exportedOnPostgres = scrapeAfterTraffic(postgresSettings());

    Map<String, Set<String>> missing = new TreeMap<>();
    referenced.forEach(
        (metric, where) -> {
          boolean served =
              POSTGRES_ONLY.contains(metric)
                  ? exportedOnPostgres.contains(metric)
                  : exported.contains(metric);
          if (!served && !MADE_BY_PROMETHEUS.contains(metric)) {
            missing.put(metric, where);
          }
        });
    assertThat(missing).as("metrics named by a rule or a panel but not on /metrics").isEmpty();
    assertThat(exported)
        .as("a metric SQLite exports too is checked there, not listed as PostgreSQL only")
        .doesNotContainAnyElementsOf(POSTGRES_ONLY);
    assertThat(referenced.keySet())
        .as("the rules and the dashboard read the service's own meters")
        .contains(
            "http_server_requests_seconds_bucket",
            "plandev_cache_gets_total",
            "plandev_cache_breaker_state",
            "plandev_rank_breaker_state",
            "plandev_store_writes_total",
            "plandev_store_transactions_total",
            "plandev_store_reachable",
            "plandev_rank_predictions_seconds_bucket",
            "plandev_rank_feedback_total",
            "plandev_backup_age_seconds",
            "plandev_backup_schedule_seconds",
            "plandev_backup_verify_success",
            "plandev_disk_used_ratio",
            "plandev_disk_free_bytes");
  }

  /** Each metric named by the rules or the dashboard, with where it is named. */
  static Map<String, Set<String>> referencedMetrics() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (JsonNode group :
        DeployFiles.yaml(AlertRulesTest.DIR + "/" + AlertRulesTest.RULES).get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        String name = rule.has("alert") ? rule.get("alert").asText() : rule.get("record").asText();
        MetricReferences.in(rule.get("expr").asText())
            .forEach(m -> out.computeIfAbsent(m, k -> new TreeSet<>()).add("rule " + name));
      }
    }
    JsonNode dashboard = DeployFiles.json("deploy/grafana/plandev-dashboard.json");
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.path("targets")) {
        MetricReferences.in(target.get("expr").asText())
            .forEach(
                m ->
                    out.computeIfAbsent(m, k -> new TreeSet<>())
                        .add("panel " + panel.get("title").asText()));
      }
    }
    for (JsonNode variable : dashboard.at("/templating/list")) {
      if (variable.has("definition")) {
        MetricReferences.inVariableQuery(variable.get("definition").asText())
            .forEach(
                m ->
                    out.computeIfAbsent(m, k -> new TreeSet<>())
                        .add("variable " + variable.get("name").asText()));
      }
    }
    return out;
  }

  /** SQLite with Redis on, so the second cache level and its breaker exist. */
  private static Map<String, String> redisSettings() {
    LocalServices.requireRedis();
    return Map.of(
        "redis.enabled", "true", "redis.keyPrefix", "metric-names-" + UUID.randomUUID() + ":");
  }

  /** A fresh schema of the machine's PostgreSQL, dropped when the test ends. */
  private Map<String, String> postgresSettings() throws SQLException {
    LocalServices.requirePostgres();
    schema = "metric_names_" + Long.toHexString(System.nanoTime());
    try (Connection c =
            DriverManager.getConnection(LocalServices.PG_URL, LocalServices.PG_USER, "");
        Statement st = c.createStatement()) {
      st.execute("CREATE SCHEMA " + schema);
    }
    return Map.of(
        "postgres.enabled",
        "true",
        "postgres.url",
        LocalServices.PG_URL,
        "postgres.user",
        LocalServices.PG_USER,
        "postgres.schema",
        schema);
  }

  private String schema;

  @AfterEach
  void dropSchema() throws SQLException {
    if (schema != null) {
      try (Connection c =
              DriverManager.getConnection(LocalServices.PG_URL, LocalServices.PG_USER, "");
          Statement st = c.createStatement()) {
        st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }

  /**
   * The metric names a real service with {@code settings} exports after some traffic, the ranking
   * engine asked and answered.
   */
  private Set<String> scrapeAfterTraffic(Map<String, String> settings)
      throws IOException, InterruptedException {
    Map<String, String> flags = new TreeMap<>(settings);
    flags.put(
        "dataDir",
        dir.resolve(settings.containsKey("postgres.enabled") ? "pg" : "sqlite").toString());
    flags.put("server.port", "0");
    PlandevConfig config = new ConfigLoader(dir, Map.of()).load(null, flags, Map.of()).config();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    try (SmartDefaults defaults = SmartDefaults.open(config, Clock.systemUTC(), registry);
        PlandevServer server = PlandevServer.start(defaults, registry, Clock.systemUTC())) {
      String key = defaults.apiKeys().create("ops", Role.ADMIN, Actor.of("test")).secret();
      Client http = new Client(server.url(), key);
      http.post("/api/v1/defaults", "{\"key\":\"db.host\",\"value\":\"db1\",\"context\":{}}");
      for (int i = 0; i < 3; i++) {
        http.get("/api/v1/defaults/resolve?key=db.host");
      }
      http.post("/api/v1/defaults/predict", "{\"key\":\"db.host\",\"context\":{}}");
      http.post(
          "/api/v1/defaults/feedback",
          "{\"key\":\"db.host\",\"context\":{},\"value\":\"db1\",\"suggested\":\"db1\"}");
      http.get("/no-such-page"); // an error status, for http_server_errors_total
      Set<String> names = new TreeSet<>();
      http.get("/metrics")
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
      return names;
    }
  }

  /** Calls the service with an API key. */
  private record Client(URI base, String key) {
    String get(String path) throws IOException, InterruptedException {
      return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    String post(String path, String json) throws IOException, InterruptedException {
      return send(
          HttpRequest.newBuilder(base.resolve(path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      return http.send(
              request
                  .header("Authorization", "Bearer " + key)
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    }
  }
}
