/**
 * A plan's progress over time, read from its git history with JGit (no git binary needed), and the
 * completion date its recent trend points to. Entry points: {@link
 * dev.plandev.plans.history.PlanHistory#of} and {@link dev.plandev.plans.history.Projection#of}.
 */
package dev.plandev.plans.history;
