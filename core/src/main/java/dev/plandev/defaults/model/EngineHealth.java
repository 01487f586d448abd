package dev.plandev.defaults.model;

/**
 * The health of the ranking engine for {@code /health}.
 *
 * @param status {@code UP}, {@code DEGRADED} while its breaker is not closed (predictions fall back
 *     to the most used value) or learning new usage events fails, or {@code DISABLED} when {@code
 *     ml.enabled} is false
 * @param breaker {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} or {@code DISABLED}
 * @param learnedEvents the id of the last usage event the engine has learned
 * @param learningProblem empty while learning new usage events works; otherwise why it fails (the
 *     status is then {@code DEGRADED}: predictions use what was learned before)
 */
public record EngineHealth(
    String status, String breaker, long learnedEvents, String learningProblem) {}
