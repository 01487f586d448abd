package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;

/**
 * The Smart Defaults REST API, {@code /api/v1/defaults…}, {@code /changes} and {@code /stats}: one
 * class per concept, registered here in the order Javalin should try them.
 *
 * <ul>
 *   <li>{@link ResolveApi}: the default that answers a key in a context;
 *   <li>{@link BatchApi}: many upserts and deletes in one request;
 *   <li>{@link LearningApi}: predictions of the ranking engine and feedback to it;
 *   <li>{@link ExchangeApi}: export and import of all entries as a file;
 *   <li>{@link EntriesApi}: list, create, read, replace, patch and delete entries;
 *   <li>{@link ChangesApi}: the audit trail;
 *   <li>{@link StatsApi}: store and cache counts.
 * </ul>
 */
final class DefaultsApi {
  static final String BASE = "/api/v1/defaults";

  private final SmartDefaults defaults;
  private final ObjectMapper mapper;
  private final Bodies bodies;

  DefaultsApi(SmartDefaults defaults, ObjectMapper mapper) {
    this.defaults = defaults;
    this.mapper = mapper;
    this.bodies = new Bodies(mapper);
  }

  void register(Routes r) {
    // Javalin tries routes in this order, one pattern at a time: the busiest go first, and the
    // fixed paths (/resolve, /batch, /export…) before /{id}, which would match them too.
    new ResolveApi(defaults, mapper, bodies).register(r);
    new BatchApi(defaults.store(), bodies).register(r);
    new LearningApi(defaults, bodies).register(r);
    new ExchangeApi(defaults).register(r);
    new EntriesApi(defaults.store(), mapper, bodies).register(r);
    new ChangesApi(defaults.store(), mapper).register(r);
    new StatsApi(defaults).register(r);
  }
}
