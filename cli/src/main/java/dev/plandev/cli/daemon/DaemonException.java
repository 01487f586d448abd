package dev.plandev.cli.daemon;

import dev.plandev.defaults.model.PlandevException;

/** The daemon cannot be started, reached or stopped; the message says why and what to do. */
final class DaemonException extends PlandevException {
  private static final long serialVersionUID = 1L;

  DaemonException(String message) {
    super(message);
  }

  DaemonException(String message, Throwable cause) {
    super(message, cause);
  }
}
