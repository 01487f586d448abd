package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.Page;
import io.javalin.http.Context;

/**
 * The audit trail, {@code GET /api/v1/changes}: every write with its actor (key name and
 * correlation id), newest first, paged and optionally for one {@code key}.
 */
final class ChangesApi {
  private final DefaultsStore store;
  private final ObjectMapper mapper;

  ChangesApi(DefaultsStore store, ObjectMapper mapper) {
    this.store = store;
    this.mapper = mapper;
  }

  void register(Routes r) {
    r.get("/api/v1/changes", Access.READER, this::changes);
  }

  private void changes(Context ctx) {
    String key = ctx.queryParam("key");
    Paging paging = Paging.of(ctx);
    Page<Change> p = store.changes(key, paging.page(), paging.limit());
    Etags.sendJson(ctx, mapper, Paging.body(p, p.items()));
  }
}
