package dev.plandev.defaults.backup;

/**
 * A restore was refused before it touched anything: a check failed (space, permissions, schema
 * version, key, a service using the target, a store already there without {@code --force}).
 */
public final class RestoreRefusedException extends BackupException {
  private static final long serialVersionUID = 1L;

  public RestoreRefusedException(String message) {
    super(message);
  }
}
