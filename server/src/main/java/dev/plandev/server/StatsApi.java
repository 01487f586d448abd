package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CacheStats;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/stats}: counts of the store and hits and misses of each cache level, for a
 * person looking at one instance (Prometheus reads {@code /metrics} instead).
 */
final class StatsApi {
  private final SmartDefaults defaults;

  StatsApi(SmartDefaults defaults) {
    this.defaults = defaults;
  }

  void register(Routes r) {
    r.get("/api/v1/stats", Access.READER, this::stats);
  }

  private void stats(Context ctx) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("store", defaults.stats());
    CacheStats c = defaults.cacheStats();
    Map<String, Object> cache = new LinkedHashMap<>();
    cache.put("l1", level(c.l1()));
    cache.put("l2", level(c.l2()));
    cache.put("breaker", c.breaker());
    cache.put("redisErrors", c.redisErrors());
    cache.put("corruptValues", c.corruptValues());
    body.put("cache", cache);
    ctx.json(body);
  }

  private static Map<String, Object> level(CacheStats.Level l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("enabled", l.enabled());
    m.put("hits", l.hits());
    m.put("misses", l.misses());
    m.put("hitRatio", l.hitRatio());
    m.put("bypassed", l.bypassed());
    m.put("evictions", l.evictions());
    m.put("size", l.size());
    return m;
  }
}
