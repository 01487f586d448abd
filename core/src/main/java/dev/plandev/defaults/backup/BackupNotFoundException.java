package dev.plandev.defaults.backup;

/** No complete backup has the id asked for; the message lists the ones there are. */
public final class BackupNotFoundException extends BackupException {
  private static final long serialVersionUID = 1L;

  public BackupNotFoundException(String message) {
    super(message);
  }
}
