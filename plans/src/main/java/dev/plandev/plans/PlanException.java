package dev.plandev.plans;

/**
 * A failure while reading, querying or editing a plan; the base of every exception this module
 * throws.
 *
 * <p>{@link #exitCode()} tells a command-line adapter how to exit: 1 when the operation failed, 2
 * when the input was wrong (a file that is not a plan, an unknown task id).
 */
public class PlanException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  /** A failure with exit code 1. */
  public PlanException(String message) {
    this(message, 1, null);
  }

  /** A failure with the given exit code and cause (may be null). */
  protected PlanException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Exit code for command-line use: 1 for a failure, 2 for bad input. */
  public int exitCode() {
    return exitCode;
  }
}
