package dev.plandev.defaults.rank;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One candidate value in a ranking, with the calibrated probability that it is the value that will
 * be chosen and the evidence behind its place.
 *
 * @param value the candidate value
 * @param confidence calibrated probability (0..1) that this value is the one chosen
 * @param confident whether {@code confidence} reaches {@link RankerConfig#confidenceThreshold()}
 * @param reason a short human-readable explanation, for example {@code "used 12 times in this
 *     context, last for path=Makefile"}
 * @param contributions the features that weighed most for this candidate (feature name to its
 *     weight times value, in score units), largest magnitude first
 */
public record RankedValue(
    String value,
    double confidence,
    boolean confident,
    String reason,
    Map<String, Double> contributions) {
  public RankedValue {
    contributions = Collections.unmodifiableMap(new LinkedHashMap<>(contributions));
  }
}
