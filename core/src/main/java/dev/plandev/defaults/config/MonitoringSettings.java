package dev.plandev.defaults.config;

import java.util.List;

/**
 * The {@code monitoring} section: metrics, logs and traces.
 *
 * @param enabled whether the service serves {@code /metrics} (false: it answers 404 there, and
 *     {@code metricsPort} is not opened)
 * @param metricsPort a port of its own for {@code /metrics} (0: the main port only)
 * @param tracing OpenTelemetry traces of the service's requests
 */
public record MonitoringSettings(
    boolean enabled, int metricsPort, String logLevel, String logDir, TracingSettings tracing) {
  private static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error");

  static MonitoringSettings defaults() {
    return new MonitoringSettings(true, 0, "info", "logs", TracingSettings.defaults());
  }

  void check(ProblemList problems) {
    problems.between(
        "monitoring.metricsPort",
        metricsPort,
        0,
        65535,
        "(0 serves metrics on the main port only)");
    problems.oneOf("monitoring.logLevel", logLevel, LOG_LEVELS);
    if (tracing == null) {
      problems.require(false, "monitoring.tracing", null, "must be a section");
    } else {
      tracing.check(problems);
    }
  }
}
