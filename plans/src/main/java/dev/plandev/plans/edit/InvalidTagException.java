package dev.plandev.plans.edit;

import dev.plandev.plans.PlanException;

/** A {@code key:value} given to a command cannot be written as a tag that plans would read back. */
public final class InvalidTagException extends PlanException {
  private static final long serialVersionUID = 1L;

  InvalidTagException(String message) {
    super(message);
  }
}
