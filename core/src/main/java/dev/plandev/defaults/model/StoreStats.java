package dev.plandev.defaults.model;

/**
 * Counts that describe the store, for {@code /api/v1/stats} and metrics.
 *
 * @param entries all entries
 * @param live entries that can win a resolve now
 * @param secrets entries whose value is encrypted
 * @param changes audit rows
 * @param usageEvents recorded uses (the learning data)
 */
public record StoreStats(long entries, long live, long secrets, long changes, long usageEvents) {}
