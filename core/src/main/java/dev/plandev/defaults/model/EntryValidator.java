package dev.plandev.defaults.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * Checks a spec against the rules of DESIGN.md: key syntax, value size and type, optional JSON
 * Schema, context size, confidence range. Every broken rule is reported at once, each naming the
 * field, the limit and the bad value (truncated).
 *
 * <p>Values and schemas are hostile input: numbers are bounded before any arithmetic ({@link
 * NumberBounds}), and a schema never reaches the network or the file system and is checked within a
 * budget ({@link ValueSchemas}).
 */
public final class EntryValidator {
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  static final int MAX_CONTEXT_NAME = 64;
  static final int MAX_CONTEXT_VALUE = 1024;

  private final int maxValueBytes;
  private final int maxContextFields;
  private final ObjectMapper mapper = ValueSchemas.JSON;
  private final ValueSchemas schemas;

  /**
   * A validator with the limits of {@code security}: {@code maxValueBytes} bounds a value and its
   * schema each, {@code maxContextFields} a context.
   */
  public EntryValidator(int maxValueBytes, int maxContextFields) {
    this(maxValueBytes, maxContextFields, System::nanoTime);
  }

  /** The same, with the schema check's time backstop read from {@code nanoTime} (for tests). */
  EntryValidator(int maxValueBytes, int maxContextFields, LongSupplier nanoTime) {
    this.maxValueBytes = maxValueBytes;
    this.maxContextFields = maxContextFields;
    this.schemas = new ValueSchemas(maxValueBytes, nanoTime);
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
      schemas.check(schemaText, typed.json(), typed.text(), errors);
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
    if (NumberBounds.tooManyDigits(v)) {
      return outOfRange(v, errors);
    }
    BigInteger n;
    try {
      n = new BigInteger(v.trim());
    } catch (NumberFormatException e) {
      errors.add(
          err("value", "must be a whole number for type integer; got '" + Texts.truncate(v) + "'"));
      return Typed.invalid(v);
    }
    return NumberBounds.within(n)
        ? new Typed(v, mapper.getNodeFactory().numberNode(n))
        : outOfRange(v, errors);
  }

  private static Typed readNumber(String v, List<InvalidInputException.FieldError> errors) {
    if (NumberBounds.tooManyDigits(v)) {
      return outOfRange(v, errors);
    }
    BigDecimal n;
    try {
      n = new BigDecimal(v.trim());
    } catch (NumberFormatException e) {
      errors.add(err("value", "must be a number for type number; got '" + Texts.truncate(v) + "'"));
      return Typed.invalid(v);
    }
    return NumberBounds.within(n) ? new Typed(v, DecimalNode.valueOf(n)) : outOfRange(v, errors);
  }

  private static Typed outOfRange(String v, List<InvalidInputException.FieldError> errors) {
    errors.add(err("value", NumberBounds.RULE + "; got '" + Texts.truncate(v) + "'"));
    return Typed.invalid(v);
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
      NumberBounds.OutOfRange out = NumberBounds.firstOutOfRange(json);
      if (out != null) {
        String where =
            out.pointer().isEmpty() ? "" : "the number at " + Texts.truncate(out.pointer()) + " ";
        errors.add(
            err("value", where + NumberBounds.RULE + "; got '" + Texts.truncate(out.text()) + "'"));
        return Typed.invalid(v);
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

  private static InvalidInputException.FieldError err(String field, String message) {
    return new InvalidInputException.FieldError(field, message);
  }
}
