package dev.plandev.server.web;

import java.time.Duration;
import java.time.Instant;

/**
 * One periodic job of the service and its last run, as the Operations page lists it.
 *
 * @param name the job's name, such as {@code maintenance}
 * @param schedule when it runs, as configured (a cron expression or a period)
 * @param lastStart when its last run started, or null before the first
 * @param lastDuration how long that run took, or null
 * @param lastError empty when that run succeeded, else why it failed
 * @param nextRun when it runs next, or null when unknown
 */
public record JobRun(
    String name,
    String schedule,
    Instant lastStart,
    Duration lastDuration,
    String lastError,
    Instant nextRun) {}
