package dev.plandev.defaults.model;

import java.util.Objects;
import java.util.UUID;

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

  /** An actor with a fresh random correlation id. */
  public static Actor of(String name) {
    return new Actor(name, UUID.randomUUID().toString());
  }
}
