package dev.plandev.defaults.backup;

/** Told each step of a backup or restore as it begins, so that a long one can show where it is. */
@FunctionalInterface
public interface BackupProgress {
  /** Tells nothing. */
  BackupProgress NONE = step -> {};

  /** A step begins, in words ({@code snapshot of the database}). */
  void step(String what);
}
