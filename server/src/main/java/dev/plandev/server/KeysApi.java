package dev.plandev.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.store.ApiKeys;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/** Key management for admins: {@code /api/v1/api-keys}. */
final class KeysApi {
  private final ApiKeys keys;
  private final Bodies bodies;

  KeysApi(ApiKeys keys, Bodies bodies) {
    this.keys = keys;
    this.bodies = bodies;
  }

  void register(Routes r) {
    r.get("/api/v1/api-keys", Access.ADMIN, ctx -> ctx.json(Map.of("items", keys.list())));
    r.post("/api/v1/api-keys", Access.ADMIN, this::create);
    r.delete("/api/v1/api-keys/{key}", Access.ADMIN, this::revoke);
  }

  private void create(Context ctx) {
    ObjectNode body = bodies.object(ctx.body());
    ApiKeys.Created c =
        keys.create(
            body.path("name").asText(null),
            Role.parse(body.path("role").asText("reader")),
            Guard.actor(ctx));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", c.key());
    out.put("secret", c.secret());
    out.put("note", "the secret is shown once; store it now");
    ctx.status(201);
    // By id: a plain name that is another key's id would be refused as ambiguous.
    ctx.header("Location", "/api/v1/api-keys/id:" + c.key().id());
    ctx.json(out);
  }

  private void revoke(Context ctx) {
    keys.revoke(ctx.pathParam("key"), Guard.actor(ctx));
    ctx.status(204);
  }
}
