package dev.plandev.defaults.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What a caller asks the store to hold for a key and context; the store adds id, usage figures,
 * timestamps and version.
 *
 * <p>Build one with {@link #of(String, String)} and the {@code with…} methods; the store validates
 * it (key syntax, value type, schema, limits) when it is written.
 *
 * <p>{@code secret} is null when the caller did not say: a new entry is then plain, and an existing
 * one keeps its secrecy. Only an explicit {@code false} turns a secret into a plain value, so a
 * write that merely changes the value never exposes it.
 */
public record DefaultSpec(
    String key,
    String value,
    ValueType valueType,
    String valueSchema,
    Context context,
    double confidence,
    Instant expiresAt,
    boolean deprecated,
    Boolean secret) {

  /** Confidence given to a value a person sets by hand. */
  public static final double DEFAULT_CONFIDENCE = 1.0;

  public DefaultSpec {
    Objects.requireNonNull(valueType, "valueType");
    Objects.requireNonNull(context, "context");
  }

  /** A global string default that does not say whether it is secret. */
  public static DefaultSpec of(String key, String value) {
    return new DefaultSpec(
        key, value, ValueType.STRING, null, Context.EMPTY, DEFAULT_CONFIDENCE, null, false, null);
  }

  /** The spec that would recreate this entry's user-set fields. */
  public static DefaultSpec from(DefaultEntry e) {
    return new DefaultSpec(
        e.key(),
        e.value(),
        e.valueType(),
        e.valueSchema(),
        e.context(),
        e.confidence(),
        e.expiresAt(),
        e.deprecated(),
        e.secret());
  }

  public DefaultSpec withValue(String v) {
    return new DefaultSpec(
        key, v, valueType, valueSchema, context, confidence, expiresAt, deprecated, secret);
  }

  public DefaultSpec withType(ValueType t) {
    return new DefaultSpec(
        key, value, t, valueSchema, context, confidence, expiresAt, deprecated, secret);
  }

  public DefaultSpec withSchema(String schema) {
    return new DefaultSpec(
        key, value, valueType, schema, context, confidence, expiresAt, deprecated, secret);
  }

  public DefaultSpec withContext(Context c) {
    return new DefaultSpec(
        key, value, valueType, valueSchema, c, confidence, expiresAt, deprecated, secret);
  }

  public DefaultSpec withConfidence(double c) {
    return new DefaultSpec(
        key, value, valueType, valueSchema, context, c, expiresAt, deprecated, secret);
  }

  public DefaultSpec withExpiresAt(Instant at) {
    return new DefaultSpec(
        key, value, valueType, valueSchema, context, confidence, at, deprecated, secret);
  }

  public DefaultSpec withDeprecated(boolean d) {
    return new DefaultSpec(
        key, value, valueType, valueSchema, context, confidence, expiresAt, d, secret);
  }

  /** This spec saying the entry is secret (true), plain (false) or leaving it unsaid (null). */
  public DefaultSpec withSecret(Boolean s) {
    return new DefaultSpec(
        key, value, valueType, valueSchema, context, confidence, expiresAt, deprecated, s);
  }
}
