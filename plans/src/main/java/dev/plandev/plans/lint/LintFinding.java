package dev.plandev.plans.lint;

/**
 * One problem found in a plan.
 *
 * @param file the plan's path as given (or its name for in-memory plans)
 * @param line 1-based line the problem is on
 * @param rule stable rule id such as {@code stale-progress}
 * @param severity error or warning
 * @param message what is wrong, with the values that show it
 * @param hint how to fix it
 */
public record LintFinding(
    String file, int line, String rule, Severity severity, String message, String hint) {

  /** {@code file:line: severity [rule] message (fix: hint)}. */
  @Override
  public String toString() {
    return file
        + ":"
        + line
        + ": "
        + severity.label()
        + " ["
        + rule
        + "] "
        + message
        + " (fix: "
        + hint
        + ")";
  }
}
