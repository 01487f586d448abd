/**
 * Lint rules for plans: each finding names a file and line, a rule id, a severity and a hint on how
 * to fix it. Entry point: {@link dev.plandev.plans.lint.Linter#lint}.
 */
package dev.plandev.plans.lint;
