package dev.plandev.server;

import java.util.Optional;

/**
 * The secret of an {@code Authorization: Bearer <secret>} header (RFC 6750), the way every endpoint
 * of the service, REST or MCP, takes its API key.
 */
public final class BearerToken {
  private static final String SCHEME = "Bearer ";

  private BearerToken() {}

  /**
   * The secret of {@code header}, trimmed; empty when there is no header or it names another
   * scheme. The scheme is matched ignoring case, as RFC 7235 requires.
   */
  public static Optional<String> parse(String header) {
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()).trim());
  }
}
