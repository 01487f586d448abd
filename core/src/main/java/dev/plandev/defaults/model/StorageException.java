package dev.plandev.defaults.model;

/** The database could not be reached, migrated or written; the message names the operation. */
public final class StorageException extends PlandevException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the storage in words safe for any client (no path, no address). */
  private final String publicReason;

  public StorageException(String message, Throwable cause) {
    this(message, cause, "");
  }

  public StorageException(String message) {
    this(message, null, "");
  }

  /**
   * A failure whose cause the store recognised (a full disk, a read-only file), told twice: {@code
   * message} with the file or server for the log, {@code publicReason} without them for a client.
   */
  public StorageException(String message, Throwable cause, String publicReason) {
    super(message, cause);
    this.publicReason = publicReason == null ? "" : publicReason;
  }

  /** The storage's trouble in words safe for any client, or empty when it is not known. */
  public String publicReason() {
    return publicReason;
  }
}
