package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CacheHealth;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.EngineHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health of the parts beside the database: the cache's Redis level and the ranking model. */
final class HealthChecks {
  private HealthChecks() {}

  static Map<String, Map<String, Object>> extra(SmartDefaults defaults) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
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
    out.put("model", model);
    return out;
  }
}
