package dev.plandev.defaults.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.ValueType;
import java.time.Instant;

/**
 * The text of a cached resolution in Redis: a JSON object with the format version, the generation
 * tag it was cached under, and the resolution (or {@code "found": false} for a cached miss).
 *
 * <p>Parsing is strict: a missing or mistyped field is corruption, reported as {@link
 * CorruptValueException}.
 */
final class ResolutionCodec {
  static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A resolution (null for "no default") read back with the tag it was cached under. */
  record Decoded(String tag, Resolution resolution) {}

  /** Thrown when a cached value is not a resolution this version wrote. */
  static final class CorruptValueException extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptValueException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private ResolutionCodec() {}

  static String encode(String tag, Resolution r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("v", FORMAT);
    o.put("tag", tag);
    o.put("found", r != null);
    if (r != null) {
      o.put("matched", r.matchedFields());
      o.put("candidates", r.candidates());
      DefaultEntry e = r.entry();
      ObjectNode n = o.putObject("entry");
      n.put("id", e.id());
      n.put("key", e.key());
      n.put("value", e.value());
      n.put("type", e.valueType().wireName());
      n.put("schema", e.valueSchema());
      n.put("context", e.context().toJson());
      n.put("confidence", e.confidence());
      n.put("usage", e.usageCount());
      n.put("success", e.successRate());
      putInstant(n, "lastUsed", e.lastUsed());
      putInstant(n, "created", e.createdAt());
      putInstant(n, "updated", e.updatedAt());
      putInstant(n, "expires", e.expiresAt());
      n.put("deprecated", e.deprecated());
      n.put("secret", e.secret());
      n.put("version", e.version());
    }
    return o.toString();
  }

  static Decoded decode(String text) throws CorruptValueException {
    try {
      JsonNode o = JSON.readTree(text);
      if (o == null || !o.isObject() || need(o, "v").asInt() != FORMAT) {
        throw new IllegalArgumentException("not a version " + FORMAT + " resolution");
      }
      String tag = need(o, "tag").textValue();
      if (!need(o, "found").booleanValue()) {
        return new Decoded(tag, null);
      }
      JsonNode n = need(o, "entry");
      JsonNode schema = need(n, "schema");
      DefaultEntry e =
          new DefaultEntry(
              need(n, "id").longValue(),
              need(n, "key").textValue(),
              need(n, "value").textValue(),
              ValueType.parse(need(n, "type").textValue()),
              schema.isNull() ? null : schema.textValue(),
              Context.parse(need(n, "context").textValue()),
              need(n, "confidence").doubleValue(),
              need(n, "usage").longValue(),
              need(n, "success").doubleValue(),
              instant(need(n, "lastUsed")),
              instant(need(n, "created")),
              instant(need(n, "updated")),
              instant(need(n, "expires")),
              need(n, "deprecated").booleanValue(),
              need(n, "secret").booleanValue(),
              need(n, "version").longValue());
      if (e.key() == null || e.value() == null || tag == null) {
        throw new IllegalArgumentException("a text field is not a string");
      }
      return new Decoded(
          tag, new Resolution(e, need(o, "matched").intValue(), need(o, "candidates").intValue()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new CorruptValueException(
          "not a cached resolution (" + e.getMessage() + "): " + abbreviate(text), e);
    }
  }

  private static JsonNode need(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null) {
      throw new IllegalArgumentException("field '" + field + "' is missing");
    }
    return n;
  }

  private static void putInstant(ObjectNode n, String field, Instant t) {
    if (t == null) {
      n.putNull(field);
    } else {
      n.put(field, t.toEpochMilli());
    }
  }

  private static Instant instant(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber()) {
      throw new IllegalArgumentException("a time is not epoch milliseconds: " + n);
    }
    return Instant.ofEpochMilli(n.longValue());
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
