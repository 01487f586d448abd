package dev.plandev.mcp;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The API key check of the HTTP service, applied to every request on {@code /mcp}: the caller the
 * request's credentials stand for, or empty to answer 401.
 */
@FunctionalInterface
public interface McpAuthenticator {

  /** The caller of this request, or empty when its credentials are missing or wrong. */
  Optional<McpCaller> authenticate(HttpServletRequest request);
}
