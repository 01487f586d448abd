package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CacheHealth;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.EngineHealth;
import dev.plandev.defaults.store.StoreHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health of what a query of the database does not show: whether its file passed the last integrity
 * check, whether writes are failing (a full disk, a read-only file), whether the database server
 * answers and its last outage (a failover), the cache's Redis level and the ranking model. Each is
 * a check of its own, so that a store that still answers reads but cannot write, or is damaged, is
 * not reported UP.
 */
final class HealthChecks {
  private HealthChecks() {}

  static Map<String, Map<String, Object>> extra(SmartDefaults defaults) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    StoreHealth store = defaults.storeHealth();
    if (store.integrity().status() != StoreHealth.Status.UNCHECKED) {
      out.put("integrity", check(store.integrity(), "checkedAt"));
    }
    out.put("writes", check(store.writes(), "failedAt"));
    if (store.connection().status() != StoreHealth.Status.UNCHECKED) {
      Map<String, Object> connection = check(store.connection(), "downSince");
      StoreHealth.Outage outage = store.lastOutage();
      if (outage != null) {
        Map<String, Object> last = new LinkedHashMap<>();
        last.put("from", outage.from().toString());
        last.put("to", outage.to().toString());
        last.put("seconds", (outage.to().toEpochMilli() - outage.from().toEpochMilli()) / 1000.0);
        last.put("reason", outage.reason());
        last.put("failedCalls", outage.failedCalls());
        connection.put("lastOutage", last);
      }
      out.put("connection", connection);
    }
    CacheHealth cache = defaults.cacheHealth();
    Map<String, Object> redis = new LinkedHashMap<>();
    redis.put("status", cache.redis().name());
    redis.put("breaker", cache.breaker());
    if (!cache.detail().isEmpty()) {
      redis.put("detail", SecretMask.inText(cache.detail()));
    }
    out.put("redis", redis);
    EngineHealth engine = defaults.engineHealth();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("status", engine.status());
    model.put("breaker", engine.breaker());
    model.put("learnedEvents", engine.learnedEvents());
    if (!engine.learningProblem().isEmpty()) {
      model.put("detail", SecretMask.inText(engine.learningProblem()));
    }
    out.put("model", model);
    return out;
  }

  /** A store check: its status, and what is wrong and since when once it is down. */
  private static Map<String, Object> check(StoreHealth.Check check, String timeName) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", check.status().name());
    if (!check.detail().isEmpty()) {
      out.put("detail", SecretMask.inText(check.detail()));
    }
    if (check.at() != null) {
      out.put(timeName, check.at().toString());
    }
    return out;
  }
}
