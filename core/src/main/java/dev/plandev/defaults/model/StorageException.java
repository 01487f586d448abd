package dev.plandev.defaults.model;

/** The database could not be reached, migrated or written; the message names the operation. */
public final class StorageException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public StorageException(String message) {
    super(message);
  }
}
