package dev.plandev.server;

import dev.plandev.defaults.tracing.Tracing;
import io.javalin.http.Context;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.slf4j.MDC;

/**
 * A server span for each HTTP request, the child of the caller's {@code traceparent} when it sends
 * one; the span's context goes back in the response's {@code traceparent}, and its trace id into
 * every log line of the request (MDC {@code traceId}, beside {@code correlationId}). The span is
 * named after the route template once Javalin has matched it ({@code GET /api/v1/defaults/{id}}).
 * Installed only when tracing is on.
 */
final class RequestTracing implements Filter {
  static final String TRACE_ID = "traceId";
  static final String SPAN_ID = "spanId";

  private static final TextMapGetter<HttpServletRequest> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServletRequest request) {
          return Collections.list(request.getHeaderNames());
        }

        @Override
        public String get(HttpServletRequest request, String name) {
          return request == null ? null : request.getHeader(name);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  RequestTracing(Tracing tracing) {
    this.tracer = tracing.openTelemetry().getTracer("dev.plandev.server");
    this.propagator = tracing.openTelemetry().getPropagators().getTextMapPropagator();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    io.opentelemetry.context.Context parent =
        propagator.extract(io.opentelemetry.context.Context.root(), request, HEADERS);
    Span span =
        tracer
            .spanBuilder(request.getMethod())
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", request.getMethod())
            .setAttribute("url.path", request.getRequestURI())
            .startSpan();
    try (Scope scope = span.makeCurrent()) {
      MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
      MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
      propagator.inject(
          io.opentelemetry.context.Context.current(), response, HttpServletResponse::setHeader);
      chain.doFilter(req, res);
    } catch (IOException | ServletException | RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      int status = response.getStatus();
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
      MDC.remove(TRACE_ID);
      MDC.remove(SPAN_ID);
    }
  }

  /** Names the current request's span after the route Javalin matched (an after-handler). */
  static void nameAfterRoute(Context ctx) {
    String route = RouteTemplate.of(ctx);
    if (route != null) {
      Span span = Span.current();
      span.updateName(ctx.method().name() + " " + route);
      span.setAttribute("http.route", route);
    }
  }
}
