package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.InvalidInputException.FieldError;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/defaults/batch}: up to {@link DefaultsStore#MAX_BATCH} upserts and deletes in
 * one request, with a result per item. Every item is validated before any is applied, and the
 * errors of all items come back together, each field prefixed with its item ({@code
 * items[3].value}); {@code "atomic": true} applies all items or none.
 */
final class BatchApi {
  private final DefaultsStore store;
  private final Bodies bodies;

  BatchApi(DefaultsStore store, Bodies bodies) {
    this.store = store;
    this.bodies = bodies;
  }

  void register(Routes r) {
    r.post(DefaultsApi.BASE + "/batch", Access.EDITOR, this::batch);
  }

  private void batch(Context ctx) {
    ObjectNode body = bodies.object(ctx.body());
    List<BatchOperation> ops = operations(items(body));
    refusePlainSecretsUnlessAdmin(ctx, ops);
    boolean atomic = body.path("atomic").asBoolean(false);
    BatchResult result = store.batch(ops, atomic, Guard.actor(ctx));
    ctx.status(result.applied() ? 200 : 422);
    ctx.json(report(result));
  }

  /**
   * An upsert that says {@code "secret": false} over a secret entry publishes its value: that takes
   * an admin key, as it does for a single entry.
   */
  private void refusePlainSecretsUnlessAdmin(Context ctx, List<BatchOperation> ops) {
    for (BatchOperation op : ops) {
      DefaultSpec spec = op.spec();
      if (op.kind() == BatchOperation.Kind.UPSERT
          && Boolean.FALSE.equals(spec.secret())
          && store
              .find(spec.key(), spec.context())
              .filter(current -> EntriesApi.madePlain(current, spec))
              .isPresent()) {
        Guard.requireAdmin(ctx, EntriesApi.MAKE_PLAIN);
      }
    }
  }

  /** The {@code items} list, within the size limit. */
  private static JsonNode items(ObjectNode body) {
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
    return items;
  }

  /** The operations of all items, or the field errors of every invalid one. */
  private List<BatchOperation> operations(JsonNode items) {
    List<BatchOperation> ops = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      try {
        ops.add(operation(items.get(i)));
      } catch (InvalidInputException e) {
        for (FieldError f : e.errors()) {
          errors.add(new FieldError("items[" + i + "]." + f.field(), f.message()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return ops;
  }

  private BatchOperation operation(JsonNode item) {
    String op = item.path("op").asText("upsert");
    Long version = item.hasNonNull("version") ? item.get("version").asLong() : null;
    if (op.equals("delete")) {
      return new BatchOperation(BatchOperation.Kind.DELETE, deleted(item), version);
    } else if (op.equals("upsert")) {
      return new BatchOperation(
          BatchOperation.Kind.UPSERT, bodies.spec(item, null, Set.of("op", "version")), version);
    }
    throw new InvalidInputException("op", "must be upsert or delete; got '" + op + "'");
  }

  /** What a delete names: a key in a context (the value does not matter). */
  private static DefaultSpec deleted(JsonNode item) {
    List<FieldError> errors = new ArrayList<>();
    dev.plandev.defaults.model.Context c = Bodies.context(item.get("context"), errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return DefaultSpec.of(item.path("key").asText(), "").withContext(c);
  }

  private static Map<String, Object> report(BatchResult result) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("applied", result.applied());
    out.put("failures", result.failures());
    out.put("items", result.items().stream().map(BatchApi::itemReport).toList());
    return out;
  }

  private static Map<String, Object> itemReport(BatchResult.Item it) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", it.index());
    m.put("status", it.status().name().toLowerCase(Locale.ROOT));
    m.put("id", it.id());
    m.put("version", it.version());
    if (it.error() != null) {
      m.put("error", it.error());
    }
    return m;
  }
}
