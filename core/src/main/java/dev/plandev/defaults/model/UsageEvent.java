package dev.plandev.defaults.model;

import java.time.Instant;

/**
 * A recorded use of a default: which value was taken for a key in a context, and whether it was the
 * suggestion; the learning data of the ranking engine.
 */
public record UsageEvent(
    long id,
    String key,
    Context context,
    String value,
    Outcome outcome,
    String suggested,
    Instant at,
    String source) {}
