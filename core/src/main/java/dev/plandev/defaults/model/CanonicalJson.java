package dev.plandev.defaults.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes and reads the canonical JSON of flat string maps.
 *
 * <p>Writing is hand-rolled because it sits on the resolve path of every request and its output
 * must never change between library versions; reading goes through Jackson so that any valid JSON a
 * user hands in is understood.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CanonicalJson() {}

  static String write(TreeMap<String, String> fields) {
    if (fields.isEmpty()) {
      return "{}";
    }
    StringBuilder b = new StringBuilder(16 * fields.size());
    b.append('{');
    boolean first = true;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!first) {
        b.append(',');
      }
      first = false;
      quote(b, e.getKey());
      b.append(':');
      quote(b, e.getValue());
    }
    return b.append('}').toString();
  }

  public static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }

  static Map<String, String> readFlatObject(String json) {
    if (json == null || json.isBlank() || "{}".equals(json)) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          "context",
          "is not valid JSON ("
              + e.getOriginalMessage()
              + "); give an object such as {\"env\":\"prod\"}, got '"
              + Texts.truncate(json)
              + "'");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(
          "context", "must be a JSON object of strings; got '" + Texts.truncate(json) + "'");
    }
    TreeMap<String, String> fields = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (!v.isValueNode() || v.isNull()) {
        throw new InvalidInputException(
            "context." + e.getKey(),
            "must be a string, number or boolean; got " + Texts.truncate(v.toString()));
      }
      fields.put(e.getKey(), v.asText());
    }
    return fields;
  }
}
