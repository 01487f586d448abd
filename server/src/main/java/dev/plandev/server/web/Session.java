package dev.plandev.server.web;

import dev.plandev.defaults.security.Role;
import java.time.Instant;

/**
 * One signed-in person: the API key they signed in with (its id, name and role, never its secret),
 * the anti-forgery token their pages carry, and when the session was last used.
 */
record Session(
    String id, long keyId, String keyName, Role role, String csrfToken, Instant lastUsed) {

  Session usedAt(Instant now) {
    return new Session(id, keyId, keyName, role, csrfToken, now);
  }

  /** Whether the key's role lets this person change plans. */
  public boolean mayEdit() {
    return role.includes(Role.EDITOR);
  }
}
