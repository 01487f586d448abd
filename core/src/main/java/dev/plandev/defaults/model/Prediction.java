package dev.plandev.defaults.model;

import java.util.Map;

/**
 * A ranked candidate value for a key and context.
 *
 * @param value the candidate
 * @param confidence calibrated probability that this is the value that will be chosen
 * @param confident whether {@code confidence} reaches the configured threshold
 * @param reason a short explanation, {@code fallback} when the engine was bypassed
 * @param contributions the features that weighed most in this rank, by name
 */
public record Prediction(
    String value,
    double confidence,
    boolean confident,
    String reason,
    Map<String, Double> contributions) {
  public Prediction {
    contributions = Map.copyOf(contributions);
  }
}
