/**
 * Inline task metadata: the {@code #key:value} tags plans put in task text ({@code #priority:high
 * #time:2h #depends:1.4,2.1 #status:blocked}) and what they mean — effort, priority, state and
 * dependencies. Entry point: {@link dev.plandev.plans.metadata.TaskMetadata#parse}. This package
 * reads text only; it knows nothing of documents, so the plan model can use it without a cycle.
 */
package dev.plandev.plans.metadata;
