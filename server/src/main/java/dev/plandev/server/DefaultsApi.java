package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CacheStats;
import dev.plandev.defaults.exchange.DefaultsExchange;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.UsageEvent;
import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Smart Defaults REST API, {@code /api/v1/defaults…}, {@code /changes} and {@code /stats}. */
final class DefaultsApi {
  static final String BASE = "/api/v1/defaults";
  private static final Pattern FILTER = Pattern.compile("filter\\[(.+)]");

  private final SmartDefaults defaults;
  private final ObjectMapper mapper;
  private final Bodies bodies;
  private final RenderedResolutions rendered = new RenderedResolutions(this::render);

  DefaultsApi(SmartDefaults defaults, ObjectMapper mapper) {
    this.defaults = defaults;
    this.mapper = mapper;
    this.bodies = new Bodies(mapper);
  }

  void register(Routes r) {
    // Javalin tries routes in this order, one pattern at a time: the busiest go first.
    r.get(BASE + "/resolve", Access.READER, this::resolve);
    r.post(BASE + "/batch", Access.EDITOR, this::batch);
    r.post(BASE + "/predict", Access.READER, this::predict);
    r.get(BASE, Access.READER, this::list);
    r.post(BASE, Access.EDITOR, this::create);
    r.post(BASE + "/feedback", Access.EDITOR, this::feedback);
    r.get(BASE + "/export", Access.READER, this::export);
    r.post(BASE + "/import", Access.EDITOR, this::importFile);
    r.get(BASE + "/{id}", Access.READER, this::read);
    r.put(BASE + "/{id}", Access.EDITOR, this::replace);
    r.patch(BASE + "/{id}", Access.EDITOR, this::patch);
    r.delete(BASE + "/{id}", Access.EDITOR, this::delete);
    r.get("/api/v1/changes", Access.READER, this::changes);
    r.get("/api/v1/stats", Access.READER, this::stats);
  }

  private DefaultsStore store() {
    return defaults.store();
  }

  // ---- collection ------------------------------------------------------------------------------

  private void list(Context ctx) {
    int page = intParam(ctx, "page", 1);
    int limit = intParam(ctx, "limit", ListQuery.DEFAULT_LIMIT);
    ListQuery q = ListQuery.all().withPage(page, limit);
    String sort = ctx.queryParam("sort");
    if (sort != null) {
      q = q.withSort(sort);
    }
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      Matcher m = FILTER.matcher(p.getKey());
      if (!m.matches()) {
        if (!Set.of("page", "limit", "sort").contains(p.getKey())) {
          throw HttpProblem.badRequest(
              "unknown query parameter '"
                  + p.getKey()
                  + "'; use page, limit, sort, filter[keyPrefix],"
                  + " filter[context.FIELD], filter[deprecated], filter[expired]");
        }
        continue;
      }
      String name = m.group(1);
      String value = p.getValue().get(0);
      if (name.equals("keyPrefix") || name.equals("key")) {
        q = q.withKeyPrefix(value);
      } else if (name.startsWith("context.")) {
        q = q.withContextField(name.substring("context.".length()), value);
      } else if (name.equals("deprecated")) {
        q = q.withDeprecated(bool(name, value));
      } else if (name.equals("expired")) {
        q = q.withExpired(bool(name, value));
      } else {
        throw HttpProblem.badRequest(
            "unknown filter '"
                + name
                + "'; filter on keyPrefix, context.FIELD, deprecated or expired");
      }
    }
    Page<DefaultEntry> p = store().list(q);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", p.items().stream().map(e -> bodies.entry(e, false)).toList());
    body.put("page", p.page());
    body.put("limit", p.limit());
    body.put("total", p.total());
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", link(ctx, page));
    if (p.hasNext()) {
      links.put("next", link(ctx, page + 1));
      ctx.header("Link", "<" + links.get("next") + ">; rel=\"next\"");
    }
    if (page > 1) {
      links.put("prev", link(ctx, page - 1));
    }
    body.put("links", links);
    sendCached(ctx, body);
  }

  private static String link(Context ctx, int page) {
    StringBuilder b = new StringBuilder(ctx.path()).append("?page=").append(page);
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (!p.getKey().equals("page")) {
        for (String v : p.getValue()) {
          b.append('&')
              .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
      }
    }
    return b.toString();
  }

  private void create(Context ctx) {
    DefaultSpec spec = bodies.spec(bodies.object(ctx.body()), null, Set.of());
    DefaultEntry e = store().create(spec, Guard.actor(ctx));
    ctx.status(201);
    ctx.header("Location", BASE + "/" + e.id());
    ctx.header("ETag", Etags.of(e.version()));
    ctx.json(bodies.entry(e, false));
  }

  // ---- one entry -------------------------------------------------------------------------------

  private void read(Context ctx) {
    DefaultEntry e = entry(ctx);
    String etag = Etags.of(e.version());
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.json(bodies.entry(e, false));
  }

  private void replace(Context ctx) {
    long id = id(ctx);
    long version = requiredVersion(ctx);
    DefaultSpec spec = bodies.spec(bodies.object(ctx.body()), null, Set.of());
    written(ctx, store().update(id, version, spec, Guard.actor(ctx)));
  }

  private void patch(Context ctx) {
    long version = requiredVersion(ctx);
    DefaultEntry current = entry(ctx);
    DefaultSpec spec = bodies.spec(bodies.object(ctx.body()), DefaultSpec.from(current), Set.of());
    written(ctx, store().update(current.id(), version, spec, Guard.actor(ctx)));
  }

  private void delete(Context ctx) {
    String ifMatch = ctx.header("If-Match");
    Long version = Etags.version(ifMatch);
    if (ifMatch != null && version == null) {
      throw HttpProblem.badRequest("If-Match must be the ETag of the entry, e.g. \"3\"");
    }
    store().delete(id(ctx), version, Guard.actor(ctx));
    ctx.status(204);
  }

  private void written(Context ctx, DefaultEntry e) {
    ctx.header("ETag", Etags.of(e.version()));
    ctx.json(bodies.entry(e, false));
  }

  private DefaultEntry entry(Context ctx) {
    long id = id(ctx);
    return store()
        .find(id)
        .orElseThrow(() -> new EntryNotFoundException("no default with id " + id));
  }

  private static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "Not found", "'" + raw + "' is not an entry id; ids are numbers");
    }
  }

  private static long requiredVersion(Context ctx) {
    String ifMatch = ctx.header("If-Match");
    if (ifMatch == null) {
      throw new HttpProblem(
          428,
          "Precondition required",
          "send If-Match with the entry's ETag (its version, e.g. \"3\") so a concurrent change is not overwritten");
    }
    Long v = Etags.version(ifMatch);
    if (v == null) {
      throw HttpProblem.badRequest(
          "If-Match must be the ETag of the entry, e.g. \"3\"; got " + ifMatch);
    }
    return v;
  }

  // ---- resolve, batch, predict, feedback
  // ---------------------------------------------------------

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

  private void batch(Context ctx) {
    ObjectNode body = bodies.object(ctx.body());
    JsonNode items = body.get("items");
    if (items == null || !items.isArray()) {
      throw HttpProblem.unprocessable("items", "must be a list of {op, key, value, …}");
    }
    if (items.size() > DefaultsStore.MAX_BATCH) {
      throw new HttpProblem(
          413,
          "Payload too large",
          "a batch holds at most "
              + DefaultsStore.MAX_BATCH
              + " items; got "
              + items.size()
              + "; split it");
    }
    List<BatchOperation> ops = new ArrayList<>();
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String op = item.path("op").asText("upsert");
      try {
        Long version = item.hasNonNull("version") ? item.get("version").asLong() : null;
        if (op.equals("delete")) {
          List<InvalidInputException.FieldError> ctxErrors = new ArrayList<>();
          dev.plandev.defaults.model.Context c = Bodies.context(item.get("context"), ctxErrors);
          if (!ctxErrors.isEmpty()) {
            throw new InvalidInputException(ctxErrors);
          }
          ops.add(
              new BatchOperation(
                  BatchOperation.Kind.DELETE,
                  DefaultSpec.of(item.path("key").asText(), "").withContext(c),
                  version));
        } else if (op.equals("upsert")) {
          ops.add(
              new BatchOperation(
                  BatchOperation.Kind.UPSERT,
                  bodies.spec(item, null, Set.of("op", "version")),
                  version));
        } else {
          throw new InvalidInputException("op", "must be upsert or delete; got '" + op + "'");
        }
      } catch (InvalidInputException e) {
        for (InvalidInputException.FieldError f : e.errors()) {
          errors.add(
              new InvalidInputException.FieldError("items[" + i + "]." + f.field(), f.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    boolean atomic = body.path("atomic").asBoolean(false);
    BatchResult result = store().batch(ops, atomic, Guard.actor(ctx));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("applied", result.applied());
    out.put("failures", result.failures());
    out.put(
        "items",
        result.items().stream()
            .map(
                it -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("index", it.index());
                  m.put("status", it.status().name().toLowerCase(java.util.Locale.ROOT));
                  m.put("id", it.id());
                  m.put("version", it.version());
                  if (it.error() != null) {
                    m.put("error", it.error());
                  }
                  return m;
                })
            .toList());
    ctx.status(result.applied() ? 200 : 422);
    ctx.json(out);
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

  // ---- import, export, audit, stats ------------------------------------------------------------

  private void export(Context ctx) {
    DefaultsExchange.Format f =
        DefaultsExchange.Format.parse(
            ctx.queryParamAsClass("format", String.class).getOrDefault("json"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    defaults.exchange().export(f, out);
    ctx.contentType(
        switch (f) {
          case JSON -> "application/json";
          case YAML -> "application/yaml";
          default -> "text/csv";
        });
    ctx.header(
        "Content-Disposition",
        "attachment; filename=\"defaults." + f.name().toLowerCase(java.util.Locale.ROOT) + "\"");
    ctx.result(out.toByteArray());
  }

  private void importFile(Context ctx) {
    String format = ctx.queryParam("format");
    if (format == null) {
      String type = ctx.contentType() == null ? "" : ctx.contentType();
      format = type.contains("yaml") ? "yaml" : type.contains("csv") ? "csv" : "json";
    }
    boolean partial =
        Boolean.parseBoolean(ctx.queryParamAsClass("partial", String.class).getOrDefault("false"));
    ImportReport report =
        defaults
            .exchange()
            .importFrom(
                DefaultsExchange.Format.parse(format),
                new ByteArrayInputStream(ctx.bodyAsBytes()),
                partial,
                Guard.actor(ctx));
    ctx.status(report.errors().isEmpty() ? 200 : report.applied() > 0 ? 207 : 422);
    ctx.json(report);
  }

  private void changes(Context ctx) {
    Page<Change> p =
        store()
            .changes(
                ctx.queryParam("key"),
                intParam(ctx, "page", 1),
                intParam(ctx, "limit", ListQuery.DEFAULT_LIMIT));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", p.items());
    body.put("page", p.page());
    body.put("limit", p.limit());
    body.put("total", p.total());
    sendCached(ctx, body);
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

  // ---- helpers ---------------------------------------------------------------------------------

  /** Sends a read with a body-hash ETag, answering 304 when the client already has it. */
  private void sendCached(Context ctx, Object body) {
    Etags.sendJson(ctx, mapper, body);
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw HttpProblem.unprocessable(name, "must be a whole number; got '" + v + "'");
    }
  }

  private static boolean bool(String name, String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw HttpProblem.unprocessable(
          "filter[" + name + "]", "must be true or false; got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }
}
