package dev.plandev.server.web;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ValueType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of the entry form as typed (so a refused form comes back as the person left it), and
 * the messages to show next to each field. {@link #spec} turns the fields into what the store
 * validates; the store's own rules (value type, JSON Schema, key syntax, limits) come back through
 * {@link #withErrors}.
 */
record EntryForm(
    String key,
    String value,
    String type,
    String schema,
    String context,
    String confidence,
    String expires,
    boolean deprecated,
    boolean secret,
    Map<String, String> errors) {

  /** The form fields, in the order the page shows them; a store error on another goes on top. */
  static final List<String> FIELDS =
      List.of("key", "value", "type", "schema", "context", "confidence", "expires", "secret");

  static final List<String> TYPES =
      Arrays.stream(ValueType.values()).map(ValueType::wireName).toList();

  /** An empty form for a new entry. */
  static EntryForm blank() {
    return new EntryForm("", "", "string", "", "", "1.0", "", false, false, Map.of());
  }

  /**
   * The form filled with an entry; a secret's value stays empty (it is kept unless a new one is
   * typed).
   */
  static EntryForm of(DefaultEntry e) {
    return new EntryForm(
        e.key(),
        e.secret() ? "" : e.value(),
        e.valueType().wireName(),
        e.valueSchema() == null ? "" : e.valueSchema(),
        ContextText.format(e.context()),
        Double.toString(e.confidence()),
        e.expiresAt() == null ? "" : e.expiresAt().toString(),
        e.deprecated(),
        e.secret(),
        Map.of());
  }

  /** The form as the request sent it. */
  static EntryForm read(io.javalin.http.Context ctx) {
    return new EntryForm(
        text(ctx, "key"),
        ctx.formParam("value") == null ? "" : ctx.formParam("value"),
        text(ctx, "type").isEmpty() ? "string" : text(ctx, "type"),
        text(ctx, "schema"),
        text(ctx, "context"),
        text(ctx, "confidence"),
        text(ctx, "expires"),
        ctx.formParam("deprecated") != null,
        ctx.formParam("secret") != null,
        Map.of());
  }

  private static String text(io.javalin.http.Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  /** This form with the messages of a refusal placed next to their fields. */
  EntryForm withErrors(List<InvalidInputException.FieldError> refused) {
    Map<String, String> all = new LinkedHashMap<>(errors);
    for (InvalidInputException.FieldError e : refused) {
      String field = field(e.field());
      all.merge(field, e.message(), (a, b) -> a + "; " + b);
    }
    return new EntryForm(
        key, value, type, schema, context, confidence, expires, deprecated, secret, all);
  }

  /** The form field a store error names. */
  private static String field(String name) {
    return switch (name) {
      case "valueType" -> "type";
      case "valueSchema" -> "schema";
      case "expiresAt" -> "expires";
      default -> FIELDS.contains(name) ? name : "form";
    };
  }

  /**
   * What to store; {@code keptValue} stands for an empty value field (a secret's current value, or
   * null for a new entry).
   *
   * @throws InvalidInputException naming each field that cannot be read
   */
  DefaultSpec spec(String keptValue) {
    List<InvalidInputException.FieldError> problems = new ArrayList<>();
    ValueType t = null;
    try {
      t = ValueType.parse(type);
    } catch (InvalidInputException e) {
      problems.add(new InvalidInputException.FieldError("type", e.errors().get(0).message()));
    }
    Context c = Context.EMPTY;
    try {
      c = ContextText.parse(context);
    } catch (InvalidInputException e) {
      problems.addAll(e.errors());
    }
    double conf = DefaultSpec.DEFAULT_CONFIDENCE;
    if (!confidence.isEmpty()) {
      try {
        conf = Double.parseDouble(confidence);
      } catch (NumberFormatException e) {
        problems.add(
            new InvalidInputException.FieldError(
                "confidence",
                "must be a number from 0 to 1, such as 0.8; got '" + confidence + "'"));
      }
    }
    Instant until = null;
    try {
      until = expiry(expires);
    } catch (DateTimeParseException e) {
      problems.add(
          new InvalidInputException.FieldError(
              "expires",
              "must be a date (2027-01-31) or a time (2027-01-31T18:00:00Z); got '"
                  + expires
                  + "'"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    String v = value.isEmpty() && keptValue != null ? keptValue : value;
    return new DefaultSpec(
        key, v, t, schema.isEmpty() ? null : schema, c, conf, until, deprecated, secret);
  }

  /** An expiry as typed: empty for none, a date (its start, UTC), or an ISO-8601 instant. */
  private static Instant expiry(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return Instant.parse(text.toUpperCase(Locale.ROOT));
  }

  /** The message next to a field, or null. */
  String error(String field) {
    return errors.get(field);
  }
}
