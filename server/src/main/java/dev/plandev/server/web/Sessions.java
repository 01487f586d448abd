package dev.plandev.server.web;

import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.store.ApiKeys;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web UI's sign-ins, held in memory: a session ends when signed out, when unused for the
 * timeout ({@code server.sessionTimeout}, measured on the injected clock), or when its key is
 * revoked (checked against the store at most once a minute), and with the process.
 */
final class Sessions {
  private static final Duration KEY_RECHECK = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeys keys;
  private final Duration timeout;
  private final Clock clock;
  private final Map<String, Session> byId = new ConcurrentHashMap<>();
  private final Map<String, Instant> keyCheckedAt = new ConcurrentHashMap<>();

  Sessions(ApiKeys keys, Duration timeout, Clock clock) {
    this.keys = keys;
    this.timeout = timeout;
    this.clock = clock;
  }

  Duration timeout() {
    return timeout;
  }

  /** A new session for {@code key}. */
  Session open(ApiKey key) {
    Instant now = clock.instant();
    dropExpired(now);
    Session s = new Session(randomToken(), key.id(), key.name(), key.role(), randomToken(), now);
    byId.put(s.id(), s);
    keyCheckedAt.put(s.id(), now);
    return s;
  }

  /** The live session with this id, marked as used now; empty when unknown, expired or revoked. */
  Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    Instant now = clock.instant();
    if (s == null) {
      return Optional.empty();
    }
    if (!now.isBefore(s.lastUsed().plus(timeout)) || !keyStillActive(s, now)) {
      end(id);
      return Optional.empty();
    }
    Session used = s.usedAt(now);
    byId.put(id, used);
    return Optional.of(used);
  }

  /** Ends the session (sign-out); unknown ids are ignored. */
  void end(String id) {
    if (id != null) {
      byId.remove(id);
      keyCheckedAt.remove(id);
    }
  }

  private boolean keyStillActive(Session s, Instant now) {
    Instant checked = keyCheckedAt.getOrDefault(s.id(), Instant.EPOCH);
    if (now.isBefore(checked.plus(KEY_RECHECK))) {
      return true;
    }
    boolean active = keys.list().stream().anyMatch(k -> k.id() == s.keyId() && !k.revoked());
    keyCheckedAt.put(s.id(), now);
    return active;
  }

  private void dropExpired(Instant now) {
    byId.values().removeIf(s -> !now.isBefore(s.lastUsed().plus(timeout)));
    keyCheckedAt.keySet().retainAll(byId.keySet());
  }

  /** 256 random bits, URL-safe. */
  static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Compares two tokens in time that does not depend on where they differ. */
  static boolean sameToken(String expected, String given) {
    return expected != null
        && given != null
        && MessageDigest.isEqual(expected.getBytes(), given.getBytes());
  }
}
