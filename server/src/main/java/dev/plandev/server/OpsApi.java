package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.SecretMask;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Operations endpoints: {@code /health} (dependencies), {@code /ready} (can take traffic), {@code
 * /metrics} (Prometheus text).
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
    r.get("/health", Access.OPEN, this::health);
    r.get("/ready", Access.OPEN, this::ready);
    // monitoring.enabled=false: not served at all, so the path answers 404 like any unknown one.
    if (defaults.config().monitoring().enabled()) {
      r.get("/metrics", Access.READER, this::metrics);
    }
  }

  void health(Context ctx) {
    Map<String, Object> checks = new LinkedHashMap<>();
    boolean databaseUp;
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("store", SecretMask.inText(defaults.databaseDescription()));
    try {
      Duration d = defaults.pingDatabase();
      db.put("status", "UP");
      db.put("latencyMs", d.toNanos() / 1e6);
      databaseUp = true;
    } catch (RuntimeException e) {
      db.put("status", "DOWN");
      db.put("error", SecretMask.inText(e.getMessage()));
      databaseUp = false;
    }
    checks.put("database", db);
    boolean degraded = false;
    Map<String, Map<String, Object>> extras = new LinkedHashMap<>(HealthChecks.extra(defaults));
    extras.put("backup", backups.backupCheck());
    extras.put("disk", backups.diskCheck());
    for (Map.Entry<String, Map<String, Object>> extra : extras.entrySet()) {
      checks.put(extra.getKey(), extra.getValue());
      degraded |=
          !"UP".equals(extra.getValue().get("status"))
              && !"DISABLED".equals(extra.getValue().get("status"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", !databaseUp ? "DOWN" : degraded ? "DEGRADED" : "UP");
    body.put("checks", mayReadDetails.test(ctx) ? checks : statusesOnly(checks));
    ctx.status(databaseUp ? 200 : 503);
    ctx.json(body);
  }

  /** Each check reduced to its status, for callers without a key. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> statusesOnly(Map<String, Object> checks) {
    Map<String, Object> out = new LinkedHashMap<>();
    checks.forEach(
        (name, check) ->
            out.put(name, Map.of("status", ((Map<String, Object>) check).get("status"))));
    return out;
  }

  void ready(Context ctx) {
    boolean isStopping = stopping.getAsBoolean();
    Map<String, Object> checks = new LinkedHashMap<>();
    // Opening SmartDefaults applies the migrations and validates the configuration, so both hold
    // for as long as the service runs.
    checks.put("migrations", "applied");
    checks.put("config", "valid");
    checks.put("shuttingDown", isStopping);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", isStopping ? "STOPPING" : "READY");
    body.put("checks", checks);
    ctx.status(isStopping ? 503 : 200);
    ctx.json(body);
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }
}
