package dev.plandev.defaults.backup;

/**
 * An incremental backup was asked for while no earlier backup of this store exists to follow: the
 * caller's conflict, fixed by taking a full backup first.
 */
public final class NoBaseBackupException extends BackupException {
  private static final long serialVersionUID = 1L;

  NoBaseBackupException(String message) {
    super(message);
  }
}
