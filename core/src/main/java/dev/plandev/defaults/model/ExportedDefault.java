package dev.plandev.defaults.model;

import java.time.Instant;

/**
 * An entry as it travels in export and import files: every stored field but the local id; a secret
 * value stays an encrypted token.
 */
public record ExportedDefault(
    String key,
    String value,
    String valueType,
    String valueSchema,
    String context,
    double confidence,
    long usageCount,
    double successRate,
    Instant lastUsed,
    Instant createdAt,
    Instant updatedAt,
    Instant expiresAt,
    boolean deprecated,
    boolean secret,
    long version) {}
