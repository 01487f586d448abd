package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import java.util.LinkedHashMap;
import java.util.Map;

/** Health of the parts beside the database: the ranking model (and the cache when present). */
final class HealthChecks {
  private HealthChecks() {}

  static Map<String, Map<String, Object>> extra(SmartDefaults defaults) {
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("status", "UP");
    model.put("engine", "usage counts");
    out.put("model", model);
    return out;
  }
}
