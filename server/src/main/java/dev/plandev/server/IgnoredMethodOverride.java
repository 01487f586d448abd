package dev.plandev.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A servlet filter that hides the {@code X-HTTP-Method-Override} header from everything behind it,
 * so a request is always handled as the method it was sent with.
 *
 * <p>Javalin routes by {@code Context.method()}, which obeys that header: without this filter a
 * {@code GET} carrying {@code X-HTTP-Method-Override: DELETE} deletes, and a page or proxy that may
 * only send GETs could change data. No plandev client needs the override.
 */
final class IgnoredMethodOverride implements Filter {
  static final String HEADER = "X-HTTP-Method-Override";

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http && http.getHeader(HEADER) != null) {
      chain.doFilter(new WithoutOverride(http), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  /** The request as sent, minus the override header. */
  private static final class WithoutOverride extends HttpServletRequestWrapper {
    WithoutOverride(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return HEADER.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HEADER.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream()
              .filter(n -> !HEADER.equalsIgnoreCase(n))
              .toList());
    }
  }
}
