package dev.plandev.defaults.security;

import java.time.Instant;

/**
 * An API key as stored: its name, role and a short prefix to recognise it; never the key itself.
 *
 * @param prefix the first characters of the key, shown in lists so a person can tell keys apart
 */
public record ApiKey(
    long id,
    String name,
    Role role,
    String prefix,
    Instant createdAt,
    Instant lastUsed,
    Instant revokedAt) {

  public boolean revoked() {
    return revokedAt != null;
  }
}
