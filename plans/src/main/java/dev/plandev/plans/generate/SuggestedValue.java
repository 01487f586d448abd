package dev.plandev.plans.generate;

/**
 * A value proposed by the Smart Defaults engine for a prompt.
 *
 * @param value the proposed answer
 * @param confidence the engine's probability (0..1) that this is the value that will be chosen
 * @param reason a short explanation from the engine, such as {@code fallback}
 */
public record SuggestedValue(String value, double confidence, String reason) {}
