package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.Resolution;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/defaults/resolve?key=…&context[FIELD]=…}: the default that answers a key in a
 * context, the service's hottest route. The request is read from the raw query string ({@link
 * ResolveQuery}) and answered with bytes rendered once per answer ({@link RenderedResolutions}).
 */
final class ResolveApi {
  private final SmartDefaults defaults;
  private final ObjectMapper mapper;
  private final Bodies bodies;
  private final RenderedResolutions rendered = new RenderedResolutions(this::render);

  ResolveApi(SmartDefaults defaults, ObjectMapper mapper, Bodies bodies) {
    this.defaults = defaults;
    this.mapper = mapper;
    this.bodies = bodies;
  }

  void register(Routes r) {
    r.get(DefaultsApi.BASE + "/resolve", Access.READER, this::resolve);
  }

  private void resolve(Context ctx) {
    ResolveQuery q = ResolveQuery.parse(ctx.queryString());
    Etags.Tagged body = rendered.of(defaults.resolve(q.key(), q.context()));
    if (body == null) {
      throw new EntryNotFoundException(
          "no default for '" + q.key() + "' in context " + q.context().toJson());
    }
    Etags.send(ctx, body);
  }

  private Etags.Tagged render(Resolution r) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("key", r.entry().key());
    body.put("value", bodies.typedValue(r.entry()));
    body.put("matchedFields", r.matchedFields());
    body.put("candidates", r.candidates());
    body.put("entry", bodies.entry(r.entry(), true));
    return Etags.Tagged.of(mapper, body);
  }
}
