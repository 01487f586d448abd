package dev.plandev.defaults.model;

import java.time.Instant;

/**
 * One row of the audit trail: an entity that was created, updated or deleted, by whom and when.
 *
 * @param oldValue JSON snapshot before the change (secret values stay encrypted), or null
 * @param newValue JSON snapshot after the change, or null for a delete
 */
public record Change(
    long id,
    String entity,
    Long entityId,
    String key,
    String operation,
    String oldValue,
    String newValue,
    String actor,
    String correlationId,
    Instant at) {}
