package dev.plandev.plans;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Plain words for why a file operation failed and what to do about it.
 *
 * <p>The JDK reports the reason in the exception's type ({@code AccessDeniedException}) or in the
 * operating system's reason string ({@code "No space left on device"}); printing either as is shows
 * a Java class name to someone who only edits Markdown, so the common ones are translated here,
 * each naming the file the system complained about.
 */
final class IoExplanation {
  private IoExplanation() {}

  /** Why {@code e} happened and what to do, naming its file (else {@code path}). */
  static String of(IOException e, Path path) {
    String file = path.toString();
    String reason = null;
    if (e instanceof FileSystemException fs) {
      file = fs.getFile() == null ? file : fs.getFile();
      reason = fs.getReason();
    }
    // Some failures come as a bare IOException with the system's reason as the message.
    String said = reason != null ? reason : e.getMessage();
    String lower = said == null ? "" : said.toLowerCase(Locale.ROOT);
    if (e instanceof NoSuchFileException) {
      return file + " does not exist; check the path, or create the missing folder";
    }
    if (e instanceof AccessDeniedException || lower.contains("permission denied")) {
      return "permission denied on "
          + file
          + "; give your user access to it (ls -l shows its owner and mode)";
    }
    if (e instanceof FileAlreadyExistsException) {
      return file + " already exists; move it away or choose another name";
    }
    if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
      return file + " is not a folder; check the path";
    }
    if (e instanceof DirectoryNotEmptyException) {
      return file + " is a folder that is not empty; empty or remove it first";
    }
    if (lower.contains("read-only file system")) {
      return "the file system holding "
          + file
          + " is mounted read-only; work on a copy elsewhere, or remount it writable";
    }
    if (lower.contains("no space left")) {
      return "the disk holding " + file + " is full; free some space and run the command again";
    }
    if (lower.contains("disk quota")) {
      return "your disk quota is used up on " + file + "; free some space and run it again";
    }
    if (lower.contains("is a directory")) {
      return file + " is a folder, not a file; name a file";
    }
    if (lower.contains("too many open files")) {
      return "too many files are open (on " + file + "); close some programs and run it again";
    }
    if (said == null || said.isBlank()) {
      said = "an input/output error";
    }
    return "the system reported \"" + said + "\" for " + file + "; run the command again";
  }
}
