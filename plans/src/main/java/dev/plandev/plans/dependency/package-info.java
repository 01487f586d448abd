/**
 * Dependencies between tasks, within a plan and across plans: resolving {@code #depends:} tags to
 * tasks, finding cycles, and choosing the tasks that can be worked on next. Entry points: {@link
 * dev.plandev.plans.dependency.DependencyGraph#of} and {@link
 * dev.plandev.plans.dependency.NextTasks#of}.
 */
package dev.plandev.plans.dependency;
