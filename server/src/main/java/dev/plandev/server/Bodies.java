package dev.plandev.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.InvalidInputException.FieldError;
import dev.plandev.defaults.model.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON request bodies into specs and entries into JSON, with field-level errors.
 *
 * <p>Values travel typed: {@code "value": 3} is an integer, {@code true} a boolean, an object or
 * list is JSON, and the type may be given explicitly with {@code valueType}.
 */
final class Bodies {
  static final List<String> SPEC_FIELDS =
      List.of(
          "key",
          "value",
          "valueType",
          "valueSchema",
          "context",
          "confidence",
          "expiresAt",
          "deprecated",
          "secret");

  private final ObjectMapper mapper;

  Bodies(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  ObjectNode object(String body) {
    JsonNode node;
    try {
      node = mapper.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw HttpProblem.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw HttpProblem.badRequest("the body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * A spec from a body; {@code base} supplies the fields a PATCH leaves out. Every field is read
   * before failing, so one answer lists everything that is wrong with the body.
   */
  DefaultSpec spec(JsonNode body, DefaultSpec base, Set<String> extraFields) {
    List<FieldError> errors = new ArrayList<>();
    rejectUnknownFields(body, extraFields, errors);
    String key = key(body, base, errors);
    ValueType type = valueType(body, base, errors);
    String value = value(body, base, errors);
    String schema = valueSchema(body, base);
    Context context = base == null ? Context.EMPTY : base.context();
    if (body.has("context")) {
      context = context(body.get("context"), errors);
    }
    double confidence = confidence(body, base, errors);
    Instant expires = expiresAt(body, base, errors);
    boolean deprecated = flag(body, "deprecated", base != null && base.deprecated(), errors);
    // Not said is not false: the store then keeps an existing entry's secrecy (issue 13).
    Boolean secret =
        body.has("secret")
            ? Boolean.valueOf(flag(body, "secret", false, errors))
            : base == null ? null : base.secret();
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new DefaultSpec(
        key, value, type, schema, context, confidence, expires, deprecated, secret);
  }

  private static void rejectUnknownFields(
      JsonNode body, Set<String> extraFields, List<FieldError> errors) {
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!SPEC_FIELDS.contains(f) && !extraFields.contains(f)) {
        errors.add(err(f, "is not a field of a default; known fields: " + SPEC_FIELDS));
      }
    }
  }

  private static String key(JsonNode body, DefaultSpec base, List<FieldError> errors) {
    String key =
        body.has("key") ? text(body.get("key"), "key", errors) : base == null ? null : base.key();
    if (key == null) {
      errors.add(err("key", "is required"));
    }
    return key;
  }

  /** The explicit {@code valueType}, else the type of a new value, else the base's. */
  private static ValueType valueType(JsonNode body, DefaultSpec base, List<FieldError> errors) {
    JsonNode v = body.get("value");
    return body.hasNonNull("valueType")
        ? parseType(body.get("valueType"), errors)
        : v != null ? inferType(v) : base == null ? ValueType.STRING : base.valueType();
  }

  /** The value as the store keeps it: text as is, anything else as its JSON. */
  private static String value(JsonNode body, DefaultSpec base, List<FieldError> errors) {
    JsonNode v = body.get("value");
    if (v == null) {
      String value = base == null ? null : base.value();
      if (value == null) {
        errors.add(err("value", "is required"));
      }
      return value;
    }
    String value = v.isTextual() ? v.asText() : v.isNull() ? null : v.toString();
    if (value == null) {
      errors.add(err("value", "must not be null"));
    }
    return value;
  }

  private static String valueSchema(JsonNode body, DefaultSpec base) {
    if (!body.has("valueSchema")) {
      return base == null ? null : base.valueSchema();
    }
    JsonNode s = body.get("valueSchema");
    return s.isNull() ? null : s.isTextual() ? s.asText() : s.toString();
  }

  private static double confidence(JsonNode body, DefaultSpec base, List<FieldError> errors) {
    double fallback = base == null ? DefaultSpec.DEFAULT_CONFIDENCE : base.confidence();
    if (!body.has("confidence")) {
      return fallback;
    }
    JsonNode c = body.get("confidence");
    if (!c.isNumber()) {
      errors.add(err("confidence", "must be a number within 0..1"));
      return fallback;
    }
    return c.asDouble();
  }

  private static Instant expiresAt(JsonNode body, DefaultSpec base, List<FieldError> errors) {
    Instant fallback = base == null ? null : base.expiresAt();
    if (!body.has("expiresAt")) {
      return fallback;
    }
    JsonNode e = body.get("expiresAt");
    try {
      return e.isNull() ? null : Instant.parse(e.asText());
    } catch (DateTimeParseException ex) {
      errors.add(
          err(
              "expiresAt",
              "must be an ISO-8601 instant such as 2026-12-31T00:00:00Z; got '"
                  + e.asText()
                  + "'"));
      return fallback;
    }
  }

  /** A context from a JSON object of scalars. */
  static Context context(JsonNode node, List<FieldError> errors) {
    if (node == null || node.isNull()) {
      return Context.EMPTY;
    }
    if (!node.isObject()) {
      errors.add(err("context", "must be an object of strings, e.g. {\"env\":\"prod\"}"));
      return Context.EMPTY;
    }
    Map<String, String> fields = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                errors.add(err("context." + e.getKey(), "must be a string, number or boolean"));
              } else {
                fields.put(e.getKey(), e.getValue().asText());
              }
            });
    return Context.of(fields);
  }

  private static ValueType inferType(JsonNode v) {
    if (v.isIntegralNumber()) {
      return ValueType.INTEGER;
    }
    if (v.isNumber()) {
      return ValueType.NUMBER;
    }
    if (v.isBoolean()) {
      return ValueType.BOOLEAN;
    }
    if (v.isContainerNode()) {
      return ValueType.JSON;
    }
    return ValueType.STRING;
  }

  private static ValueType parseType(JsonNode t, List<FieldError> errors) {
    try {
      return ValueType.parse(t.asText());
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
      return ValueType.STRING;
    }
  }

  private static String text(JsonNode n, String field, List<FieldError> errors) {
    if (!n.isTextual()) {
      errors.add(err(field, "must be a string"));
      return null;
    }
    return n.asText();
  }

  private static boolean flag(
      JsonNode body, String field, boolean fallback, List<FieldError> errors) {
    if (!body.has(field)) {
      return fallback;
    }
    if (!body.get(field).isBoolean()) {
      errors.add(err(field, "must be true or false"));
      return fallback;
    }
    return body.get(field).asBoolean();
  }

  static FieldError err(String field, String message) {
    return new FieldError(field, message);
  }

  /** An entry as the API shows it: typed value, masked when secret unless {@code reveal}. */
  Map<String, Object> entry(DefaultEntry e, boolean reveal) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("key", e.key());
    m.put("value", e.secret() && !reveal ? DefaultEntry.MASK : typedValue(e));
    m.put("valueType", e.valueType().wireName());
    m.put("valueSchema", e.valueSchema() == null ? null : readOrText(e.valueSchema()));
    m.put("context", e.context().fields());
    m.put("confidence", e.confidence());
    m.put("usageCount", e.usageCount());
    m.put("successRate", e.successRate());
    m.put("lastUsed", e.lastUsed());
    m.put("createdAt", e.createdAt());
    m.put("updatedAt", e.updatedAt());
    m.put("expiresAt", e.expiresAt());
    m.put("deprecated", e.deprecated());
    m.put("secret", e.secret());
    m.put("version", e.version());
    return m;
  }

  /** The value as JSON of its type. */
  Object typedValue(DefaultEntry e) {
    String v = e.value();
    try {
      return switch (e.valueType()) {
        case INTEGER -> new BigInteger(v.trim());
        case NUMBER -> new BigDecimal(v.trim());
        case BOOLEAN -> Boolean.parseBoolean(v.trim());
        case JSON -> mapper.readTree(v);
        default -> v;
      };
    } catch (NumberFormatException | com.fasterxml.jackson.core.JsonProcessingException ex) {
      return v;
    }
  }

  private Object readOrText(String json) {
    try {
      return mapper.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return json;
    }
  }
}
