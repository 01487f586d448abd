package dev.plandev.plans.watch;

import java.nio.file.Path;

/**
 * A plan file that changed (created, modified, renamed to) or disappeared (deleted, renamed from),
 * reported once its burst of file-system events has settled.
 *
 * @param kind what happened
 * @param file the plan file
 * @param contentHash the hex SHA-256 of the content that settled, or null when the file is gone or
 *     could not be read
 */
public record PlanEvent(Kind kind, Path file, String contentHash) {
  /** What happened to the file. */
  public enum Kind {
    /** The file exists with new content. */
    CHANGED,
    /** The file is gone. */
    DELETED
  }

  /**
   * Whether {@code content} is the content that settled. Anything else means the file was written
   * again since, perhaps by a program still writing it, so acting on it must wait for the next
   * event.
   */
  public boolean settledAs(byte[] content) {
    return contentHash != null && contentHash.equals(FileSnapshot.hash(content));
  }
}
