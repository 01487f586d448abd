package dev.plandev.defaults.model;

import java.time.Instant;

/**
 * One stored default value: a key, the context it applies to, its typed value and what the store
 * has learned about its use.
 *
 * <p>For a secret entry, {@code value} holds the plaintext in memory only; the database holds it
 * encrypted. Use {@link #redacted()} before showing a list to a person.
 */
public record DefaultEntry(
    long id,
    String key,
    String value,
    ValueType valueType,
    String valueSchema,
    Context context,
    double confidence,
    long usageCount,
    double successRate,
    Instant lastUsed,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    boolean deprecated,
    boolean secret,
    long version) {

  /** The mask shown instead of a secret value. */
  public static final String MASK = "********";

  /** True when this entry may win a resolve at {@code now}: neither deprecated nor expired. */
  public boolean isLive(Instant now) {
    return !deprecated && (expiresAt == null || expiresAt.isAfter(now));
  }

  /** This entry with its value masked when it is secret. */
  public DefaultEntry redacted() {
    return secret ? withValue(MASK) : this;
  }

  public DefaultEntry withValue(String newValue) {
    return new DefaultEntry(
        id,
        key,
        newValue,
        valueType,
        valueSchema,
        context,
        confidence,
        usageCount,
        successRate,
        lastUsed,
        createdAt,
        updatedAt,
        expiresAt,
        deprecated,
        secret,
        version);
  }
}
