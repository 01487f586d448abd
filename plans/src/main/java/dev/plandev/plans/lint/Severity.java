package dev.plandev.plans.lint;

/** How bad a finding is; any {@link #ERROR} makes {@code plandev lint} exit 1. */
public enum Severity {
  /** Wrong: the plan says something untrue or ambiguous (stale progress, duplicate numbers). */
  ERROR,
  /** Worth fixing, but the plan is still usable. */
  WARNING;

  /** {@code error} or {@code warning}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
