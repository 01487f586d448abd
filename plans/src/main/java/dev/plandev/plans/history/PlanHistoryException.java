package dev.plandev.plans.history;

import dev.plandev.plans.PlanException;

/** A plan's history cannot be read: it is not in a git repository, or has no commit there. */
public class PlanHistoryException extends PlanException {
  private static final long serialVersionUID = 1L;

  PlanHistoryException(String message) {
    super(message);
  }

  PlanHistoryException(String message, Throwable cause) {
    super(message, cause);
  }
}
