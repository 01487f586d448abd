package dev.plandev.defaults.config;

/**
 * The {@code monitoring.tracing} section: OpenTelemetry traces, off by default, a span per HTTP
 * request with child spans for the cache levels, store queries and ranking, exported over
 * OTLP/HTTP.
 *
 * @param enabled whether spans are made and exported at all (false: no tracing work is done)
 * @param endpoint the OTLP/HTTP traces URL of a collector, such as {@code
 *     http://127.0.0.1:4318/v1/traces}
 * @param samplerRatio the share of new traces kept, 0..1; a request that carries a sampled {@code
 *     traceparent} is always kept
 * @param serviceName the {@code service.name} of the spans
 */
public record TracingSettings(
    boolean enabled, String endpoint, double samplerRatio, String serviceName) {

  static TracingSettings defaults() {
    return new TracingSettings(false, "http://127.0.0.1:4318/v1/traces", 1.0, "plandev");
  }

  void check(ProblemList problems) {
    problems.require(
        endpoint != null && endpoint.matches("https?://[^\\s/]+(/\\S*)?"),
        "monitoring.tracing.endpoint",
        endpoint,
        "must be an http:// or https:// URL, such as http://127.0.0.1:4318/v1/traces");
    problems.require(
        samplerRatio >= 0 && samplerRatio <= 1,
        "monitoring.tracing.samplerRatio",
        samplerRatio,
        "must be within 0..1");
    problems.notEmpty("monitoring.tracing.serviceName", serviceName);
  }
}
