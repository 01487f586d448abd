/** Watching a folder of plans and reacting, debounced, to each changed or deleted plan. */
package dev.plandev.plans.watch;
