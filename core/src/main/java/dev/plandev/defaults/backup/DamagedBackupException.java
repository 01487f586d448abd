package dev.plandev.defaults.backup;

/** A backup's file does not match its manifest: the message names the backup and the file. */
public final class DamagedBackupException extends BackupException {
  private static final long serialVersionUID = 1L;

  public DamagedBackupException(String message) {
    super(message);
  }
}
