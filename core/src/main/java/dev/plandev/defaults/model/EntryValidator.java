package dev.plandev.defaults.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks a spec against the rules of DESIGN.md: key syntax, value size and type, optional JSON
 * Schema, context size, confidence range. Every broken rule is reported at once, each naming the
 * field, the limit and the bad value (truncated).
 */
public final class EntryValidator {
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  static final int MAX_CONTEXT_NAME = 64;
  static final int MAX_CONTEXT_VALUE = 1024;
  private static final int SCHEMA_CACHE = 256;

  private final int maxValueBytes;
  private final int maxContextFields;
  private final ObjectMapper mapper = new ObjectMapper();
  private final JsonSchemaFactory schemas =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  public EntryValidator(int maxValueBytes, int maxContextFields) {
    this.maxValueBytes = maxValueBytes;
    this.maxContextFields = maxContextFields;
  }

  /** Returns the spec with its value normalised (booleans lower-case), or throws. */
  public DefaultSpec validate(DefaultSpec spec) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    checkKey(spec.key(), errors);
    checkContext(spec.context(), errors);
    String value = spec.value();
    if (value == null) {
      errors.add(err("value", "is required"));
    } else {
      int bytes = value.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > maxValueBytes) {
        errors.add(
            err(
                "value",
                "is "
                    + bytes
                    + " bytes, over the limit of "
                    + maxValueBytes
                    + " (security.maxValueBytes); value starts '"
                    + Texts.truncate(value)
                    + "'"));
      } else {
        value = checkValue(spec, errors);
      }
    }
    if (!(spec.confidence() >= 0 && spec.confidence() <= 1)) {
      errors.add(err("confidence", "must be within 0..1; got " + spec.confidence()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    DefaultSpec checked = spec.withValue(value);
    // A blank schema means none: storing "" would export differently from a missing one.
    return spec.valueSchema() != null && spec.valueSchema().isBlank()
        ? checked.withSchema(null)
        : checked;
  }

  public static void checkKey(String key, List<InvalidInputException.FieldError> errors) {
    if (key == null || !KEY.matcher(key).matches()) {
      errors.add(
          err(
              "key",
              "must be 1 to 128 characters of A-Z a-z 0-9 . _ : -; got '"
                  + Texts.truncate(key)
                  + "'"));
    }
  }

  public void checkContext(Context context, List<InvalidInputException.FieldError> errors) {
    if (context.size() > maxContextFields) {
      errors.add(
          err(
              "context",
              "has "
                  + context.size()
                  + " fields, over the limit of "
                  + maxContextFields
                  + " (security.maxContextFields)"));
    }
    for (Map.Entry<String, String> f : context.fields().entrySet()) {
      if (f.getKey().isEmpty() || f.getKey().length() > MAX_CONTEXT_NAME) {
        errors.add(
            err(
                "context",
                "field names must be 1 to "
                    + MAX_CONTEXT_NAME
                    + " characters; got '"
                    + Texts.truncate(f.getKey())
                    + "'"));
      }
      if (f.getValue().length() > MAX_CONTEXT_VALUE) {
        errors.add(
            err(
                "context." + Texts.truncate(f.getKey()),
                "is "
                    + f.getValue().length()
                    + " characters, over the limit of "
                    + MAX_CONTEXT_VALUE
                    + "; starts '"
                    + Texts.truncate(f.getValue())
                    + "'"));
      }
    }
  }

  /**
   * A value as its type reads it: the text to store (a boolean lower-cased) and the JSON that its
   * schema checks, or null when the text is not of its type.
   */
  private record Typed(String text, JsonNode json) {
    static Typed invalid(String text) {
      return new Typed(text, null);
    }
  }

  /**
   * Checks the value against its type, then an enum's need of a schema, then its schema; returns
   * the value to store. Stops at the first step that fails, each having reported its error.
   */
  private String checkValue(DefaultSpec spec, List<InvalidInputException.FieldError> errors) {
    Typed typed = readAsType(spec.valueType(), spec.value(), errors);
    if (typed.json() == null || !enumHasSchema(spec, errors)) {
      return typed.text();
    }
    String schemaText = spec.valueSchema();
    if (schemaText != null && !schemaText.isBlank()) {
      checkSchema(schemaText, typed, errors);
    }
    return typed.text();
  }

  private Typed readAsType(
      ValueType type, String v, List<InvalidInputException.FieldError> errors) {
    return switch (type) {
      case INTEGER -> readInteger(v, errors);
      case NUMBER -> readNumber(v, errors);
      case BOOLEAN -> readBoolean(v, errors);
      case JSON -> readJson(v, errors);
      default -> new Typed(v, TextNode.valueOf(v));
    };
  }

  private Typed readInteger(String v, List<InvalidInputException.FieldError> errors) {
    try {
      return new Typed(v, mapper.getNodeFactory().numberNode(new BigInteger(v.trim())));
    } catch (NumberFormatException e) {
      errors.add(
          err("value", "must be a whole number for type integer; got '" + Texts.truncate(v) + "'"));
      return Typed.invalid(v);
    }
  }

  private static Typed readNumber(String v, List<InvalidInputException.FieldError> errors) {
    try {
      return new Typed(v, DecimalNode.valueOf(new BigDecimal(v.trim())));
    } catch (NumberFormatException e) {
      errors.add(err("value", "must be a number for type number; got '" + Texts.truncate(v) + "'"));
      return Typed.invalid(v);
    }
  }

  private static Typed readBoolean(String v, List<InvalidInputException.FieldError> errors) {
    String t = v.trim();
    if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
      errors.add(
          err("value", "must be true or false for type boolean; got '" + Texts.truncate(v) + "'"));
      return Typed.invalid(v);
    }
    String normalised = t.toLowerCase(java.util.Locale.ROOT);
    return new Typed(normalised, BooleanNode.valueOf(Boolean.parseBoolean(normalised)));
  }

  private Typed readJson(String v, List<InvalidInputException.FieldError> errors) {
    try {
      JsonNode json = mapper.readTree(v);
      if (json == null || json.isMissingNode()) {
        throw new IllegalArgumentException("empty");
      }
      return new Typed(v, json);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      errors.add(err("value", "must be valid JSON for type json; got '" + Texts.truncate(v) + "'"));
      return Typed.invalid(v);
    }
  }

  /** False (reported) for a value of type enum without a schema that lists the allowed values. */
  private static boolean enumHasSchema(
      DefaultSpec spec, List<InvalidInputException.FieldError> errors) {
    String schemaText = spec.valueSchema();
    if (spec.valueType() == ValueType.ENUM
        && (schemaText == null || !schemaText.contains("\"enum\""))) {
      errors.add(
          err(
              "valueSchema",
              "type enum needs a JSON Schema with an \"enum\" list, for example"
                  + " {\"enum\":[\"dev\",\"prod\"]}"));
      return false;
    }
    return true;
  }

  /** Reports each way the value breaks its schema, or the schema itself when it is not valid. */
  private void checkSchema(
      String schemaText, Typed typed, List<InvalidInputException.FieldError> errors) {
    JsonSchema schema = compile(schemaText, errors);
    if (schema == null) {
      return;
    }
    Set<ValidationMessage> problems = schema.validate(typed.json());
    for (ValidationMessage m : problems) {
      errors.add(
          err(
              "value",
              "does not match valueSchema: "
                  + m.getMessage()
                  + "; got '"
                  + Texts.truncate(typed.text())
                  + "'"));
    }
  }

  private JsonSchema compile(String text, List<InvalidInputException.FieldError> errors) {
    JsonSchema cached = compiled.get(text);
    if (cached != null) {
      return cached;
    }
    try {
      JsonNode node = mapper.readTree(text);
      if (node == null || !node.isObject()) {
        errors.add(
            err(
                "valueSchema",
                "must be a JSON object (a JSON Schema); got '" + Texts.truncate(text) + "'"));
        return null;
      }
      JsonSchema schema = schemas.getSchema(node);
      if (compiled.size() >= SCHEMA_CACHE) {
        compiled.clear();
      }
      compiled.put(text, schema);
      return schema;
    } catch (JsonProcessingException | RuntimeException e) {
      errors.add(
          err(
              "valueSchema",
              "is not a valid JSON Schema (" + Texts.truncate(e.getMessage()) + ")"));
      return null;
    }
  }

  private static InvalidInputException.FieldError err(String field, String message) {
    return new InvalidInputException.FieldError(field, message);
  }
}
