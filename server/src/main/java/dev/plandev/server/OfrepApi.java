package dev.plandev.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The OpenFeature Remote Evaluation Protocol (OFREP), so any OpenFeature SDK with the OFREP
 * provider reads defaults as flags.
 *
 * <p>Mapping: the evaluation context's attributes become our context fields, {@code targetingKey}
 * becoming {@code user}. A resolved entry answers with reason {@code TARGETING_MATCH} when its
 * context matched fields, {@code STATIC} when it is the global default; the variant names the
 * entry's context ({@code global}, or {@code env=prod,project=web}). When no entry applies, a
 * confident prediction of the ranking engine answers with reason {@code DEFAULT} and variant {@code
 * predicted}; otherwise the flag is {@code FLAG_NOT_FOUND}.
 */
final class OfrepApi {
  static final String BASE = "/ofrep/v1/evaluate/flags";

  /**
   * The most flags one bulk evaluation answers: 5,000 keys took 0.4 s and 588 KB for a single
   * reader request, so a store past this size is evaluated flag by flag instead.
   */
  static final int MAX_BULK_FLAGS = 1000;

  private final SmartDefaults defaults;
  private final ObjectMapper mapper;
  private final Bodies bodies;

  OfrepApi(SmartDefaults defaults, ObjectMapper mapper) {
    this.defaults = defaults;
    this.mapper = mapper;
    this.bodies = new Bodies(mapper);
  }

  void register(Routes r) {
    r.post(BASE + "/{key}", Access.READER, this::single);
    r.post(BASE, Access.READER, this::bulk);
  }

  private record Evaluation(int status, Map<String, Object> body) {}

  private void single(Context ctx) {
    String key = ctx.pathParam("key");
    Object parsed = context(ctx.body());
    Evaluation e =
        parsed instanceof String error
            ? new Evaluation(400, error(key, "INVALID_CONTEXT", error))
            : evaluate(key, (dev.plandev.defaults.model.Context) parsed);
    ctx.status(e.status());
    ctx.json(e.body());
  }

  private void bulk(Context ctx) {
    Object parsed = context(ctx.body());
    if (parsed instanceof String error) {
      ctx.status(400);
      ctx.json(Map.of("errorCode", "INVALID_CONTEXT", "errorDetails", error));
      return;
    }
    dev.plandev.defaults.model.Context c = (dev.plandev.defaults.model.Context) parsed;
    TreeSet<String> keys = liveKeys();
    if (keys.size() > MAX_BULK_FLAGS) {
      ctx.status(400);
      ctx.json(
          Map.of(
              "errorCode",
              "GENERAL",
              "errorDetails",
              "there are more than "
                  + MAX_BULK_FLAGS
                  + " live keys, the most one bulk evaluation answers; evaluate the flags you"
                  + " need one by one with POST "
                  + BASE
                  + "/{key}"));
      return;
    }
    List<Map<String, Object>> flags = new ArrayList<>();
    for (String key : keys) {
      Evaluation e = evaluate(key, c);
      if (e.status() == 200) {
        flags.add(e.body());
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("flags", flags);
    Etags.sendJson(ctx, mapper, body);
  }

  /**
   * Distinct keys of live entries, a page of 1,000 at a time, stopping once there are more than
   * {@link #MAX_BULK_FLAGS}.
   */
  private TreeSet<String> liveKeys() {
    TreeSet<String> keys = new TreeSet<>();
    for (int page = 1; ; page++) {
      Page<DefaultEntry> p =
          defaults
              .store()
              .list(
                  ListQuery.all()
                      .withPage(page, ListQuery.MAX_LIMIT)
                      .withDeprecated(false)
                      .withExpired(false));
      p.items().forEach(e -> keys.add(e.key()));
      if (!p.hasNext() || keys.size() > MAX_BULK_FLAGS) {
        return keys;
      }
    }
  }

  private Evaluation evaluate(String key, dev.plandev.defaults.model.Context c) {
    Optional<Resolution> r = defaults.resolve(key, c);
    if (r.isPresent()) {
      DefaultEntry e = r.get().entry();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("key", key);
      body.put("value", bodies.typedValue(e));
      body.put("reason", r.get().matchedFields() > 0 ? "TARGETING_MATCH" : "STATIC");
      body.put("variant", variant(e));
      body.put(
          "metadata",
          Map.of("id", e.id(), "version", e.version(), "matchedFields", r.get().matchedFields()));
      return new Evaluation(200, body);
    }
    try {
      List<Prediction> p = defaults.predict(key, c, 1);
      if (!p.isEmpty() && p.get(0).confident()) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", key);
        body.put("value", p.get(0).value());
        body.put("reason", "DEFAULT");
        body.put("variant", "predicted");
        body.put("metadata", Map.of("confidence", p.get(0).confidence(), "source", "prediction"));
        return new Evaluation(200, body);
      }
    } catch (InvalidInputException e) {
      return new Evaluation(400, error(key, "GENERAL", e.getMessage()));
    }
    return new Evaluation(
        404, error(key, "FLAG_NOT_FOUND", "no default for '" + key + "' in context " + c.toJson()));
  }

  private static String variant(DefaultEntry e) {
    if (e.context().isEmpty()) {
      return "global";
    }
    StringBuilder b = new StringBuilder();
    e.context()
        .fields()
        .forEach((k, v) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return b.toString();
  }

  private static Map<String, Object> error(String key, String code, String details) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("key", key);
    m.put("errorCode", code);
    m.put("errorDetails", details);
    return m;
  }

  /** The request's evaluation context as ours, or an error message. */
  private Object context(String body) {
    if (body == null || body.isBlank()) {
      return dev.plandev.defaults.model.Context.EMPTY;
    }
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (JsonProcessingException e) {
      throw new HttpProblem(
          400, "Malformed JSON", "the body is not valid JSON: " + e.getOriginalMessage());
    }
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    dev.plandev.defaults.model.Context c = Bodies.context(node.get("context"), errors);
    if (!errors.isEmpty()) {
      return errors.get(0).toString();
    }
    if (!c.fields().containsKey("targetingKey")) {
      return c;
    }
    // OpenFeature's targetingKey names the subject of the evaluation: our "user" field.
    Map<String, String> fields = new LinkedHashMap<>();
    c.fields().forEach((k, v) -> fields.put(k.equals("targetingKey") ? "user" : k, v));
    return dev.plandev.defaults.model.Context.of(fields);
  }
}
