package dev.plandev.server.web;

import dev.plandev.defaults.security.ApiKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time sign-in links, as Jupyter prints at start: a random token in the URL that signs its
 * first visitor in as the given key and is then spent, so the link in a terminal's scroll-back is
 * worth nothing once used, and nothing after {@link #VALID_FOR} either.
 */
final class SignInLinks {
  static final Duration VALID_FOR = Duration.ofHours(1);

  private record Pending(ApiKey key, Instant until) {}

  private final Clock clock;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();

  SignInLinks(Clock clock) {
    this.clock = clock;
  }

  /** A new single-use token that signs in as {@code key}. */
  String issue(ApiKey key) {
    String token = Sessions.randomToken();
    pending.put(token, new Pending(key, clock.instant().plus(VALID_FOR)));
    return token;
  }

  /** The key of a token not yet used nor expired; the token is spent either way. */
  Optional<ApiKey> redeem(String token) {
    Pending p = token == null ? null : pending.remove(token);
    if (p == null || !clock.instant().isBefore(p.until())) {
      return Optional.empty();
    }
    return Optional.of(p.key());
  }
}
