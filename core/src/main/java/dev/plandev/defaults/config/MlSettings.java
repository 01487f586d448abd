package dev.plandev.defaults.config;

import java.time.Duration;

/**
 * The {@code ml} section: the ranking engine, its retraining and the breaker that guards it.
 *
 * @param timeout longest a prediction may take before the fallback answers instead
 * @param breakerFailureRate percentage of failed or timed-out predictions that opens the breaker
 * @param breakerWaitInOpen how long the breaker stays open before it tries the engine again
 * @param breakerMinimumCalls predictions the breaker sees before it judges the failure rate
 */
public record MlSettings(
    boolean enabled,
    String modelPath,
    Duration updatePeriod,
    int batchSize,
    double threshold,
    Duration timeout,
    double breakerFailureRate,
    Duration breakerWaitInOpen,
    int breakerMinimumCalls) {

  static MlSettings defaults() {
    return new MlSettings(
        true,
        "model",
        Duration.ofHours(24),
        1000,
        0.8,
        Duration.ofMillis(250),
        50,
        Duration.ofSeconds(30),
        10);
  }

  void check(ProblemList problems) {
    problems.atLeast("ml.batchSize", batchSize, 1);
    problems.require(
        threshold >= 0 && threshold <= 1, "ml.threshold", threshold, "must be within 0..1");
    problems.notNegative("ml.updatePeriod", updatePeriod);
    problems.atLeast("ml.timeout", timeout, Duration.ofMillis(1));
    problems.percentage("ml.breakerFailureRate", breakerFailureRate);
    problems.atLeast("ml.breakerMinimumCalls", breakerMinimumCalls, 1);
  }
}
