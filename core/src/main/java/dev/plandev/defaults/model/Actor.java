package dev.plandev.defaults.model;

import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who makes a change and under which correlation id; every write is audited with both.
 *
 * @param name the user, API key name or component that makes the change
 * @param correlationId ties the audit rows and log lines of one request or command together
 */
public record Actor(String name, String correlationId) {
  public Actor {
    Objects.requireNonNull(name, "actor name");
    Objects.requireNonNull(correlationId, "correlation id");
  }

  /** An actor with a fresh correlation id. */
  public static Actor of(String name) {
    return new Actor(name, newCorrelationId());
  }

  /**
   * A new correlation id: a random version-4 UUID drawn from {@link ThreadLocalRandom}. {@code
   * UUID.randomUUID()} draws on the shared SecureRandom, whose lock was the main point of
   * contention of the HTTP service under load and whose seeding costs every CLI command start-up
   * time; a correlation id needs to be unique, not unpredictable.
   */
  public static String newCorrelationId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long high = (r.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
