package dev.plandev.plans.generate;

import dev.plandev.plans.PlanException;

/**
 * The base failure of plan generation ({@code plandev new}); its message says what was wrong and
 * what to do.
 *
 * <p>{@link #exitCode()} is what a command line should exit with: 1 for a failure, 2 for bad input
 * (a usage error the person can fix by changing the command).
 */
public class GenerateException extends PlanException {
  private static final long serialVersionUID = 1L;

  /** Exit code of a failure. */
  public static final int FAILURE = 1;

  /** Exit code of bad input. */
  public static final int BAD_INPUT = 2;

  public GenerateException(String message, int exitCode) {
    super(message, exitCode, null);
  }

  public GenerateException(String message, int exitCode, Throwable cause) {
    super(message, exitCode, cause);
  }
}
