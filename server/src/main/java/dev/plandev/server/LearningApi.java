package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.UsageEvent;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranking engine over HTTP: {@code POST /api/v1/defaults/predict} ranks likely values of a key
 * in a context, and {@code POST /api/v1/defaults/feedback} tells it which value was used, so it
 * learns.
 */
final class LearningApi {
  private final SmartDefaults defaults;
  private final Bodies bodies;

  LearningApi(SmartDefaults defaults, Bodies bodies) {
    this.defaults = defaults;
    this.bodies = bodies;
  }

  void register(Routes r) {
    r.post(DefaultsApi.BASE + "/predict", Access.READER, this::predict);
    r.post(DefaultsApi.BASE + "/feedback", Access.EDITOR, this::feedback);
  }

  private void predict(Context ctx) {
    ObjectNode body = bodies.object(ctx.body());
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    String key = body.path("key").asText(null);
    if (key == null) {
      errors.add(Bodies.err("key", "is required"));
    }
    dev.plandev.defaults.model.Context context = Bodies.context(body.get("context"), errors);
    int limit = body.path("limit").asInt(5);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    List<Prediction> ranked = defaults.predict(key, context, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("key", key);
    out.put("context", context.fields());
    out.put("predictions", ranked);
    ctx.json(out);
  }

  private void feedback(Context ctx) {
    ObjectNode body = bodies.object(ctx.body());
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    dev.plandev.defaults.model.Context context = Bodies.context(body.get("context"), errors);
    JsonNode v = body.get("value");
    if (v == null || v.isNull()) {
      errors.add(Bodies.err("value", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    UsageEvent e =
        defaults.feedback(
            new Feedback(
                body.path("key").asText(null),
                context,
                v.isTextual() ? v.asText() : v.toString(),
                Outcome.parse(body.path("outcome").asText("chosen")),
                body.hasNonNull("suggested") ? body.get("suggested").asText() : null,
                body.path("source").asText("api")));
    ctx.status(201);
    ctx.json(Map.of("id", e.id(), "outcome", e.outcome().wireName(), "at", e.at()));
  }
}
