package dev.plandev.defaults.backup;

import dev.plandev.defaults.model.PlandevException;

/** A backup, verification or restore failed; the message says what and what to do. */
public class BackupException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
