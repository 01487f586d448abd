package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.security.ApiKey;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A servlet filter that puts a servlet mounted beside the API (MCP at {@code /mcp}) behind the same
 * guard as the API routes: correlation id, security headers, the key's rate limit, request metrics
 * and problem+json for failures.
 *
 * <p>Javalin's before and after handlers run only inside Javalin's own servlet, so a mounted
 * servlet would otherwise skip them all. The checks come from {@link Guard}, {@link Correlation},
 * {@link HttpMetrics} and {@link Problems}, not copies; the servlet still checks the key's role
 * itself and answers 401 when there is none.
 */
final class MountedServletGuard implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger(MountedServletGuard.class);

  private final Guard guard;
  private final HttpMetrics metrics;
  private final ObjectMapper mapper;
  private final String route;

  MountedServletGuard(Guard guard, HttpMetrics metrics, ObjectMapper mapper, String route) {
    this.guard = guard;
    this.metrics = metrics;
    this.mapper = mapper;
    this.route = route;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest req = (HttpServletRequest) request;
    HttpServletResponse res = (HttpServletResponse) response;
    long start = System.nanoTime();
    String id = Correlation.accept(req.getHeader(Correlation.HEADER));
    res.setHeader(Correlation.HEADER, id);
    Guard.securityHeaders(req.getRequestURI(), res::setHeader);
    MDC.put("correlationId", id);
    try {
      Optional<ApiKey> key = guard.keyOf(req.getHeader("Authorization"));
      if (key.isPresent()) {
        guard.takeToken(key.get().name(), res::setHeader);
      } else {
        guard.takeAddressToken(req.getRemoteAddr(), res::setHeader);
      }
      chain.doFilter(req, res);
    } catch (HttpProblem e) {
      problem(req, res, id, e.status, e.title, e.getMessage());
    } catch (IOException | ServletException | RuntimeException e) {
      LOG.error("unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
      problem(req, res, id, 500, Problems.title(500), Problems.unexpectedDetail(id));
    } finally {
      MDC.remove("correlationId");
      recordWhenDone(req, res, start);
    }
  }

  /** Records the request now, or when it completes if the servlet answers asynchronously. */
  private void recordWhenDone(HttpServletRequest req, HttpServletResponse res, long start) {
    if (!req.isAsyncStarted()) {
      metrics.record(req.getMethod(), route, res.getStatus(), start);
      return;
    }
    req.getAsyncContext()
        .addListener(
            new AsyncListener() {
              @Override
              public void onComplete(AsyncEvent event) {
                metrics.record(req.getMethod(), route, res.getStatus(), start);
              }

              @Override
              public void onTimeout(AsyncEvent event) {}

              @Override
              public void onError(AsyncEvent event) {}

              @Override
              public void onStartAsync(AsyncEvent event) {}
            });
  }

  private void problem(
      HttpServletRequest req,
      HttpServletResponse res,
      String id,
      int status,
      String title,
      String detail)
      throws IOException {
    if (res.isCommitted()) {
      return; // the servlet already streamed part of an answer; the log has the failure
    }
    res.resetBuffer();
    res.setStatus(status);
    res.setContentType("application/problem+json");
    res.setCharacterEncoding("UTF-8");
    mapper.writeValue(
        res.getOutputStream(),
        Problems.body(status, title, detail, req.getRequestURI(), id, List.of()));
  }
}
