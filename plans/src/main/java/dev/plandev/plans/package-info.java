/**
 * Development plans as Markdown documents: a lossless model of sections and tasks.
 *
 * <p>Entry point: {@link dev.plandev.plans.PlanDocument#parse(java.nio.file.Path)}. A document
 * keeps the exact text it was read from; every edit is a splice at known offsets, so writing an
 * unedited document gives back the same bytes and an edit touches only the characters it must.
 * Failures are {@link dev.plandev.plans.PlanException}s.
 */
package dev.plandev.plans;
