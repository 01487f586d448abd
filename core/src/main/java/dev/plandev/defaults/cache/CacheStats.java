package dev.plandev.defaults.cache;

/**
 * A snapshot of the cache's counters since the process started, as served by {@code GET
 * /api/v1/stats}.
 *
 * @param l1 the in-process level (resolutions and predictions together)
 * @param l2 the Redis level (resolutions)
 * @param breaker the Redis circuit breaker's state: {@code CLOSED}, {@code OPEN}, {@code
 *     HALF_OPEN}, or {@code DISABLED} without Redis
 * @param redisErrors Redis calls that failed or timed out
 * @param corruptValues values found in Redis that did not parse (each was deleted)
 */
public record CacheStats(Level l1, Level l2, String breaker, long redisErrors, long corruptValues) {

  /**
   * The counters of one cache level.
   *
   * @param enabled whether this level is configured
   * @param hits lookups answered by this level
   * @param misses lookups this level could not answer
   * @param bypassed lookups that skipped this level because it was unavailable (breaker open, Redis
   *     not connected, invalidations waiting to be replayed)
   * @param evictions values dropped for size or age (L1 only; Redis evicts on its own)
   * @param size values held now (L1 only)
   */
  public record Level(
      boolean enabled, long hits, long misses, long bypassed, long evictions, long size) {

    /** Hits over lookups that reached this level, 0 when there were none. */
    public double hitRatio() {
      long lookups = hits + misses;
      return lookups == 0 ? 0 : (double) hits / lookups;
    }
  }
}
