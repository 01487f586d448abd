package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * A servlet filter that refuses a path with a broken percent escape ({@code %} not followed by two
 * hex digits) as a 400 problem+json, for every method (Jetty's error page, {@code sendError}, has
 * no body for a DELETE or PUT).
 *
 * <p>Jetty checks the escapes of a path but not of its {@code ;} parameters, which it drops;
 * Javalin then decodes the raw path with {@code URLDecoder} before any route runs, and its
 * exception was answered as a 500 with an empty body ({@code GET /api/v1/defaults/;a%9o}, found by
 * the fuzz test).
 */
final class BrokenPathEscapes implements Filter {
  private final ObjectMapper mapper;

  BrokenPathEscapes(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (request instanceof HttpServletRequest http
        && response instanceof HttpServletResponse out
        && broken(http.getRequestURI())) {
      String id = Correlation.accept(http.getHeader(Correlation.HEADER));
      out.setStatus(400);
      out.setContentType("application/problem+json");
      out.setCharacterEncoding("UTF-8");
      out.setHeader(Correlation.HEADER, id);
      Guard.securityHeaders(http.getRequestURI(), out::setHeader);
      if (!"HEAD".equals(http.getMethod())) {
        out.getOutputStream()
            .write(
                mapper.writeValueAsBytes(
                    Problems.body(
                        400,
                        Problems.title(400),
                        "the path has a broken percent escape: '%' must be followed by two hex"
                            + " digits",
                        http.getRequestURI(),
                        id,
                        List.of())));
      }
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether some {@code %} in the raw path is not followed by two hex digits. */
  static boolean broken(String path) {
    if (path == null) {
      return false;
    }
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length()
          || Character.digit(path.charAt(i + 1), 16) < 0
          || Character.digit(path.charAt(i + 2), 16) < 0) {
        return true;
      }
    }
    return false;
  }
}
