package dev.plandev.defaults.model;

/**
 * The base of every failure raised by the core module; subclasses are named after what failed.
 *
 * <p>Adapters (CLI, HTTP, MCP) map these in exactly one place each, so every subclass carries a
 * message that says what was wrong and, where it helps, what to do about it.
 */
public class PlandevException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlandevException(String message) {
    super(message);
  }

  public PlandevException(String message, Throwable cause) {
    super(message, cause);
  }
}
