package dev.plandev.plans.watch;

import java.nio.file.Path;

/**
 * A plan file that changed (created, modified, renamed to) or disappeared (deleted, renamed from),
 * reported once its burst of file-system events has settled.
 *
 * @param kind what happened
 * @param file the plan file
 */
public record PlanEvent(Kind kind, Path file) {
  /** What happened to the file. */
  public enum Kind {
    /** The file exists with new content. */
    CHANGED,
    /** The file is gone. */
    DELETED
  }
}
