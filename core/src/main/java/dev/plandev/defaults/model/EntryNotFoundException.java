package dev.plandev.defaults.model;

/** A default that was asked for by id or by key and context does not exist. */
public final class EntryNotFoundException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public EntryNotFoundException(String message) {
    super(message);
  }
}
