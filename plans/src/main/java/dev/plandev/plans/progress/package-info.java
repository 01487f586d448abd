/**
 * Progress lines of plans ({@code *Progression: 85%*}, {@code Progress: 3/9}) and keeping them true
 * to the tasks they summarise.
 */
package dev.plandev.plans.progress;
