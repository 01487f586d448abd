package dev.plandev.plans;

import java.nio.file.Path;

/** A plan file could not be read or written, or its content is not a text plan. */
public final class PlanFileException extends PlanException {
  private static final long serialVersionUID = 1L;

  private PlanFileException(String message, Path path, int exitCode, Throwable cause) {
    super(message + ": " + path, exitCode, cause);
  }

  /** The file does not exist or is not a regular file: bad input, exit code 2. */
  static PlanFileException missing(Path path) {
    return new PlanFileException("no such plan file (expected a Markdown file)", path, 2, null);
  }

  /** A folder was expected (to watch or list) but {@code path} is not one: exit code 2. */
  public static PlanFileException notAFolder(Path path) {
    return new PlanFileException("not a folder", path, 2, null);
  }

  /** The file holds binary data rather than Markdown text: bad input, exit code 2. */
  static PlanFileException notText(Path path, int offset) {
    return new PlanFileException(
        "not a Markdown plan (binary byte at offset " + offset + ")", path, 2, null);
  }

  /**
   * The file's permissions forbid writing, so a change was refused rather than forced: exit 1.
   * Renaming over the file would succeed (it needs only the folder's permission) and silently undo
   * the protection the user chose.
   */
  static PlanFileException readOnly(Path path) {
    return new PlanFileException(
        "the plan file is read-only, so it was left unchanged; make it writable (chmod u+w)"
            + " to edit it",
        path,
        1,
        null);
  }

  /** Another program kept rewriting the file while an edit was being applied: exit 1. */
  static PlanFileException changedMeanwhile(Path path) {
    return new PlanFileException(
        "the plan changed on disk while it was being edited, so it was left as the other program"
            + " wrote it; run the command again",
        path,
        1,
        null);
  }

  /** Reading, writing or listing {@code path} failed for a reason outside the input: exit 1. */
  public static PlanFileException io(String what, Path path, Throwable cause) {
    return new PlanFileException(what + " failed (" + cause + ")", path, 1, cause);
  }
}
