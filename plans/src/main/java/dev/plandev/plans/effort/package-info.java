/**
 * Effort figures of a plan from its {@code #time:} tags: totals per section (done, remaining,
 * blocked) and the critical path through dependencies. Entry points: {@link
 * dev.plandev.plans.effort.PlanEffort#of} and {@link dev.plandev.plans.effort.CriticalPath#of}.
 */
package dev.plandev.plans.effort;
