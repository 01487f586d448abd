package dev.plandev.plans;

/**
 * A failure while reading, querying, editing or generating a plan; the base of every exception this
 * module throws. Subclasses are named after what failed, and adapters decide from the type what it
 * means to them (an exit code, an HTTP status, an MCP error).
 */
public class PlanException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanException(String message) {
    super(message);
  }

  public PlanException(String message, Throwable cause) {
    super(message, cause);
  }
}
