package dev.plandev.defaults.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import java.util.Objects;

/**
 * Where the engine's spans go: the cache levels, store queries and ranking each start a span as a
 * child of the current one (the service's request span). {@link #OFF} does no tracing work at all:
 * its spans are OpenTelemetry's shared invalid span, so a resolve pays one branch for it.
 */
public final class Tracing {
  /** No tracing. */
  public static final Tracing OFF = new Tracing(OpenTelemetry.noop(), null);

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  private Tracing(OpenTelemetry openTelemetry, Tracer tracer) {
    this.openTelemetry = openTelemetry;
    this.tracer = tracer;
  }

  /** Spans through {@code openTelemetry} (the service's SDK, or an SDK of a test). */
  public static Tracing of(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new Tracing(openTelemetry, openTelemetry.getTracer("dev.plandev"));
  }

  /** Whether spans are made. */
  public boolean on() {
    return tracer != null;
  }

  /** The OpenTelemetry the spans go through ({@link OpenTelemetry#noop()} when off). */
  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** Starts a span under the current one; the caller ends it. */
  public Span start(String name) {
    return tracer == null ? Span.getInvalid() : tracer.spanBuilder(name).startSpan();
  }
}
