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

  /** Whether the key's role lets this person change plans and defaults. */
  public boolean mayEdit() {
    return role.includes(Role.EDITOR);
  }

  /** Whether the key's role lets this person manage keys and see secret values. */
  public boolean isAdmin() {
    return role.includes(Role.ADMIN);
  }

  /** This person, when their role lets them change {@code what}; else a refusal to show. */
  Session requireEditor(String what) {
    if (!mayEdit()) {
      throw refusal(what, "editor or admin");
    }
    return this;
  }

  /** This person, when they are an admin; else a refusal to show. */
  Session requireAdmin(String what) {
    if (!isAdmin()) {
      throw refusal(what, "admin");
    }
    return this;
  }

  private WebException refusal(String what, String needed) {
    return WebException.forbidden(
        "key '"
            + keyName
            + "' has role "
            + role.wireName()
            + ", which may not "
            + what
            + "; that needs "
            + needed);
  }
}
