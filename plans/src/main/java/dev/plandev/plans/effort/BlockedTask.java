package dev.plandev.plans.effort;

import dev.plandev.plans.Task;

/**
 * A task that cannot move on now, and why.
 *
 * @param task the task
 * @param reason in plain words: {@code #status:blocked}, or the dependencies it waits for
 */
public record BlockedTask(Task task, String reason) {}
