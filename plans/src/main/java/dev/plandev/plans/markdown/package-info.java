/**
 * What the Markdown of a plan says, with source positions: headings, task items and code lines.
 *
 * <p>This package is an implementation layer of {@link dev.plandev.plans.PlanDocument}; its types
 * are public only so that the model in the parent package can use them. Nothing here knows about
 * sections, ids or progress.
 */
package dev.plandev.plans.markdown;
