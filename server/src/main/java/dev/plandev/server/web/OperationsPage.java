package dev.plandev.server.web;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CacheStats;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.EngineHealth;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Operations page: the health of each dependency (as {@code /health} reports it to a key), the
 * requests (rate, latency percentiles, error rate, busiest routes), each cache level's hit ratio,
 * the circuit breakers, the store's size, the scheduler's jobs with their last runs, and the
 * backups (see {@link BackupsSection}). Any signed-in role sees it, as any key may read {@code
 * /health} and {@code /metrics}; only admins act on backups.
 */
final class OperationsPage {
  private final SmartDefaults defaults;
  private final ServiceStatus status;
  private final Pages pages;
  private final Clock clock;
  private final RequestFigures requests;
  private final BackupsSection backups;

  OperationsPage(SmartDefaults defaults, ServiceStatus status, Pages pages, Clock clock) {
    this.defaults = defaults;
    this.status = status;
    this.pages = pages;
    this.clock = clock;
    this.requests = new RequestFigures(clock.instant());
    this.backups = new BackupsSection(status.backups(), defaults.config(), clock);
  }

  void register(Javalin app) {
    app.get("/operations", ctx -> show(ctx, 200, ""));
    backups.register(app);
    // A backup action that failed is told on this page, beside the backups it concerns.
    app.exception(
        BackupsSection.FailedAction.class, (e, ctx) -> show(ctx, e.status, e.getMessage()));
  }

  /** One dependency: its status and its other details as text. */
  record Check(String name, String status, Map<String, String> details) {}

  /** One cache level's counters. */
  record Level(
      String name,
      boolean enabled,
      long hits,
      long misses,
      String hitRatio,
      long size,
      long bypassed) {}

  /** One job as listed. */
  record Job(
      String name, String schedule, String lastRun, String took, String error, String next) {}

  private void show(Context ctx, int code, String backupError) {
    Map<String, Object> model = new HashMap<>();
    model.put("notice", code == 200 ? ctx.queryParam("notice") : null);
    model.put("backupError", backupError);
    model.put("backups", backups.model());
    List<Check> checks = new ArrayList<>();
    status.health().forEach((name, check) -> checks.add(check(name, check)));
    model.put("checks", checks);
    boolean down = checks.stream().anyMatch(c -> c.status().equals("DOWN"));
    boolean degraded =
        checks.stream().anyMatch(c -> !c.status().equals("UP") && !c.status().equals("DISABLED"));
    model.put("overall", down ? "DOWN" : degraded ? "DEGRADED" : "UP");
    model.put("requests", requests.read(status.meters(), clock.instant()));
    CacheStats cache = defaults.cacheStats();
    model.put(
        "levels", List.of(level("L1 (in process)", cache.l1()), level("L2 (Redis)", cache.l2())));
    EngineHealth engine = defaults.engineHealth();
    Map<String, String> breakers = new LinkedHashMap<>();
    breakers.put("Redis cache", cache.breaker());
    breakers.put("Ranking model", engine.breaker());
    model.put("breakers", breakers);
    model.put("redisErrors", cache.redisErrors());
    model.put("store", defaults.stats());
    model.put("database", SecretMask.inText(defaults.databaseDescription()));
    model.put("learned", engine.learnedEvents());
    model.put("jobs", status.jobs().stream().map(OperationsPage::job).toList());
    pages.send(ctx, code, "operations", model);
  }

  private static Check check(String name, Map<String, Object> check) {
    Map<String, String> details = new LinkedHashMap<>();
    check.forEach(
        (k, v) -> {
          if (!k.equals("status")) {
            details.put(k, SecretMask.inText(String.valueOf(v)));
          }
        });
    return new Check(name, String.valueOf(check.get("status")), details);
  }

  private static Level level(String name, CacheStats.Level l) {
    return new Level(
        name,
        l.enabled(),
        l.hits(),
        l.misses(),
        String.format(Locale.ROOT, "%.1f%%", l.hitRatio() * 100),
        l.size(),
        l.bypassed());
  }

  private static Job job(JobRun r) {
    return new Job(
        r.name(),
        r.schedule(),
        r.lastStart() == null ? "not yet" : EntryView.when(r.lastStart()),
        r.lastDuration() == null ? "" : took(r.lastDuration()),
        SecretMask.inText(r.lastError()),
        r.nextRun() == null ? "" : EntryView.when(r.nextRun()));
  }

  private static String took(Duration d) {
    return d.toMillis() < 1000
        ? d.toMillis() + " ms"
        : String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }
}
