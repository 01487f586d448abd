/**
 * Changes to a plan's tasks beyond ticking boxes: appending a task to a section ({@link
 * dev.plandev.plans.edit.TaskAppend}) and setting or removing its {@code #key:value} tags ({@link
 * dev.plandev.plans.edit.TaskTags}). Each returns a new document in which only the lines that must
 * change did; writing it to disk is {@link dev.plandev.plans.PlanFileEdit}'s job.
 */
package dev.plandev.plans.edit;
