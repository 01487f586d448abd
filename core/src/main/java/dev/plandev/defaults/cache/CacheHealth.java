package dev.plandev.defaults.cache;

/**
 * The health of the cache's Redis level, as reported by {@code /health}: the service stays ready
 * whatever it says, because every read falls back to the database.
 *
 * @param redis {@code UP}, {@code UNHEALTHY}, or {@code DISABLED} when Redis is not configured
 * @param breaker the circuit breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}) or
 *     {@code DISABLED}
 * @param detail what a person needs to know, such as the last error; empty when up
 */
public record CacheHealth(Status redis, String breaker, String detail) {

  /** Whether Redis is serving the cache. */
  public enum Status {
    UP,
    UNHEALTHY,
    DISABLED
  }
}
