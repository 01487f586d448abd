package dev.plandev.server;

import dev.plandev.defaults.config.TracingSettings;
import dev.plandev.defaults.tracing.Tracing;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.TimeUnit;

/**
 * The OpenTelemetry SDK of the service as {@code monitoring.tracing} says: spans exported over
 * OTLP/HTTP in batches, new traces sampled at {@code samplerRatio} (a caller's sampled {@code
 * traceparent} is always followed), W3C trace context in and out. Closing it exports what is left.
 */
public final class Telemetry implements AutoCloseable {
  /** The longest closing waits for the last spans to be exported. */
  public static final java.time.Duration EXPORT_ON_CLOSE = java.time.Duration.ofSeconds(5);

  /** No tracing: nothing is made, nothing exported. */
  public static final Telemetry OFF = new Telemetry(null, Tracing.OFF);

  private final OpenTelemetrySdk sdk;
  private final Tracing tracing;

  private Telemetry(OpenTelemetrySdk sdk, Tracing tracing) {
    this.sdk = sdk;
    this.tracing = tracing;
  }

  /** The SDK the settings ask for, or {@link #OFF} when {@code enabled} is false. */
  public static Telemetry start(TracingSettings settings) {
    if (!settings.enabled()) {
      return OFF;
    }
    return of(
        BatchSpanProcessor.builder(
                OtlpHttpSpanExporter.builder().setEndpoint(settings.endpoint()).build())
            .build(),
        settings);
  }

  /** An SDK whose spans go to {@code processor} (tests give an in-memory exporter's). */
  public static Telemetry of(SpanProcessor processor, TracingSettings settings) {
    SdkTracerProvider tracers =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(
                        Resource.create(
                            Attributes.of(
                                io.opentelemetry.api.common.AttributeKey.stringKey("service.name"),
                                settings.serviceName()))))
            .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.samplerRatio())))
            .addSpanProcessor(processor)
            .build();
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracers)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    return new Telemetry(sdk, Tracing.of(sdk));
  }

  /** Where spans go. */
  public Tracing tracing() {
    return tracing;
  }

  /**
   * Exports the spans still waiting, then stops; gives up after {@link #EXPORT_ON_CLOSE} (an
   * unreachable collector must not hold the service's stop past its grace period).
   */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(EXPORT_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }
}
