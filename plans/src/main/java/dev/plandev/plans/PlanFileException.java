package dev.plandev.plans;

import java.io.IOException;
import java.nio.file.Path;

/** A plan file could not be read or written, or its content is not a text plan. */
public class PlanFileException extends PlanException {
  private static final long serialVersionUID = 1L;

  PlanFileException(String message, Path path, Throwable cause) {
    super(message + ": " + path, cause);
  }

  private PlanFileException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The file does not exist or is not a regular file. */
  static NotAPlanException missing(Path path) {
    return new NotAPlanException("no such plan file (expected a Markdown file)", path);
  }

  /**
   * The file is not a Markdown plan by its name ({@code .md} or {@code .markdown}): a command that
   * shows a plan refuses it rather than reading, say, a {@code pom.xml} as a plan without tasks.
   */
  public static NotAPlanException notMarkdown(Path path) {
    return new NotAPlanException(
        "not a Markdown plan (a plan is a .md or .markdown file, or a folder of them)", path);
  }

  /** A folder was expected (to watch or list) but {@code path} is not one. */
  public static NotAPlanException notAFolder(Path path) {
    return new NotAPlanException("not a folder", path);
  }

  /** The file holds binary data rather than Markdown text. */
  static NotAPlanException notText(Path path, int offset) {
    return new NotAPlanException(
        "not a Markdown plan (binary byte at offset " + offset + ")", path);
  }

  /**
   * The file's permissions forbid writing, so a change was refused rather than forced. Renaming
   * over the file would succeed (it needs only the folder's permission) and silently undo the
   * protection the user chose.
   */
  static PlanFileException readOnly(Path path) {
    return new PlanFileException(
        "the plan file is read-only, so it was left unchanged; make it writable (chmod u+w)"
            + " to edit it",
        path,
        null);
  }

  /** Another program kept rewriting the file while an edit was being applied. */
  static PlanFileException changedMeanwhile(Path path) {
    return new PlanFileException(
        "the plan changed on disk while it was being edited, so it was left as the other program"
            + " wrote it; run the command again",
        path,
        null);
  }

  /**
   * Reading, writing or listing {@code path} failed for a reason outside the input; the message
   * puts the usual reasons (missing, permission denied, read-only file system, disk full) in plain
   * words with what to do, never the exception's class name.
   *
   * @param what the operation, such as {@code "writing"} or {@code "listing"}
   */
  public static PlanFileException io(String what, Path path, IOException cause) {
    return new PlanFileException(
        what + " " + path + " failed: " + IoExplanation.of(cause, path), cause);
  }

  /**
   * The shared folder of lock files is not safe to use: a link someone could have planted, or a
   * folder other users could delete lock files from.
   */
  static PlanFileException unsafeLockFolder(Path folder, String why) {
    return new PlanFileException(
        "the plan lock folder "
            + folder
            + " is not safe to use ("
            + why
            + "); remove it (it is recreated) or make it a folder with chmod 1777, then run the"
            + " command again",
        null);
  }
}
