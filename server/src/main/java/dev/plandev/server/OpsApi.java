package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.StorageException;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Operations endpoints: {@code /livez} (the process serves HTTP), {@code /health} (dependencies),
 * {@code /ready} (can take traffic), {@code /metrics} (Prometheus text).
 *
 * <p>Health is DOWN (503) only when the database fails; a failing cache or model makes it DEGRADED
 * (200), because the service still answers correctly from the database. Anyone may ask whether each
 * dependency is up; the details (where the store lives, latency, errors) need an API key of any
 * role, and credentials in them are masked even then.
 */
final class OpsApi {
  private final SmartDefaults defaults;
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier stopping;
  private final Predicate<Context> mayReadDetails;
  private final BackupJobs backups;

  OpsApi(
      SmartDefaults defaults,
      PrometheusMeterRegistry registry,
      BooleanSupplier stopping,
      Predicate<Context> mayReadDetails,
      BackupJobs backups) {
    this.backups = backups;
    this.defaults = defaults;
    this.registry = registry;
    this.stopping = stopping;
    this.mayReadDetails = mayReadDetails;
  }

  void register(Routes r) {
    r.get("/livez", Access.OPEN, OpsApi::live);
    r.get("/health", Access.OPEN, this::health);
    r.get("/ready", Access.OPEN, this::ready);
    // monitoring.enabled=false: not served at all, so the path answers 404 like any unknown one.
    if (defaults.config().monitoring().enabled()) {
      r.get("/metrics", Access.READER, this::metrics);
    }
  }

  /**
   * Alive whenever the process answers HTTP: it asks no dependency, because a liveness probe that
   * failed with the database would have every replica restarted by an outage no restart can fix.
   */
  static void live(Context ctx) {
    ctx.json(Map.of("status", "ALIVE"));
  }

  void health(Context ctx) {
    Map<String, Map<String, Object>> checks = dependencies();
    boolean databaseUp = "UP".equals(checks.get("database").get("status"));
    boolean degraded = false;
    for (Map<String, Object> check : checks.values()) {
      degraded |= !"UP".equals(check.get("status")) && !"DISABLED".equals(check.get("status"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", !databaseUp ? "DOWN" : degraded ? "DEGRADED" : "UP");
    boolean details;
    try {
      details = mayReadDetails.test(ctx);
    } catch (StorageException e) {
      // A key is checked against the database: while that fails, the statuses still tell it.
      details = false;
      body.put("detailsWithheld", "the API key cannot be checked while the database fails");
    }
    body.put("checks", details ? checks : statusesOnly(checks));
    ctx.status(databaseUp ? 200 : 503);
    ctx.json(body);
  }

  /**
   * Each dependency with its status and details (credentials masked): the database first, then the
   * store's integrity and writes, Redis, the ranking model, the last backups and the disks.
   */
  Map<String, Map<String, Object>> dependencies() {
    Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("store", SecretMask.inText(defaults.databaseDescription()));
    try {
      Duration d = defaults.pingDatabase();
      db.put("status", "UP");
      db.put("latencyMs", d.toNanos() / 1e6);
    } catch (RuntimeException e) {
      db.put("status", "DOWN");
      db.put("error", SecretMask.inText(e.getMessage()));
    }
    checks.put("database", db);
    checks.putAll(HealthChecks.extra(defaults));
    checks.put("backup", backups.backupCheck());
    checks.put("disk", backups.diskCheck());
    return checks;
  }

  /** Each check reduced to its status, for callers without a key. */
  private static Map<String, Object> statusesOnly(Map<String, Map<String, Object>> checks) {
    Map<String, Object> out = new LinkedHashMap<>();
    checks.forEach((name, check) -> out.put(name, Map.of("status", check.get("status"))));
    return out;
  }

  /**
   * Ready when the service is not stopping and its store can serve: on PostgreSQL, a server of
   * {@code postgres.url} answers as the primary. During a failover, from the loss of the primary to
   * the promotion of a standby, it is not ready, so a load balancer sends the traffic elsewhere.
   */
  void ready(Context ctx) {
    boolean isStopping = stopping.getAsBoolean();
    java.util.Optional<String> storeProblem =
        isStopping ? java.util.Optional.empty() : defaults.whyNotReady();
    Map<String, Object> checks = new LinkedHashMap<>();
    // Opening SmartDefaults applies the migrations and validates the configuration, so both hold
    // for as long as the service runs.
    checks.put("migrations", "applied");
    checks.put("config", "valid");
    checks.put("database", storeProblem.orElse("answers"));
    checks.put("shuttingDown", isStopping);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "status", isStopping ? "STOPPING" : storeProblem.isPresent() ? "UNAVAILABLE" : "READY");
    body.put("checks", checks);
    ctx.status(isStopping || storeProblem.isPresent() ? 503 : 200);
    ctx.json(body);
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }
}
