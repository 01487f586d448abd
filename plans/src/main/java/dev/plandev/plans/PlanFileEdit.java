package dev.plandev.plans;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The one way to change a plan file on disk, shared by every command and tool that edits plans.
 *
 * <p>An edit takes the file's {@link PlanFileLock lock}, reads and parses the file, applies the
 * change, writes the result to a temporary file in the same folder and syncs it, checks that the
 * file still holds the bytes it parsed, renames the temporary file over it atomically and releases
 * the lock. Two editors therefore never both start from the same bytes, and a program that writes
 * without the lock (an editor saving) is noticed: the change is applied again to what it wrote, and
 * after a few such collisions the edit gives up with a message rather than overwrite it.
 */
public final class PlanFileEdit {
  private static final int ATTEMPTS = 5;
  private static final Set<PosixFilePermission> WRITE_BITS =
      EnumSet.of(
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_WRITE);

  /**
   * What a change made of the document it was given.
   *
   * @param edited the document to write; the one given when nothing is to change
   * @param outcome what the caller reports about the change
   * @param <R> the type of the report
   */
  public record Change<R>(PlanDocument edited, R outcome) {}

  private PlanFileEdit() {}

  /**
   * Applies {@code change} to the plan at {@code file} under its lock and returns the outcome of
   * the application that was written. {@code change} may run more than once (once per collision
   * with a program that wrote without the lock), each time on the file's current content, so it
   * must not act on anything but its argument.
   *
   * @throws PlanFileException when the file is missing, read-only (and the change would alter it),
   *     keeps changing under the edit or cannot be written
   */
  public static <R> R apply(Path file, Function<PlanDocument, Change<R>> change) {
    Path real = existingRealPath(file);
    try (PlanFileLock lock = PlanFileLock.acquire(real)) {
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        byte[] read = Files.readAllBytes(real);
        PlanDocument current = PlanDocument.parse(file, read);
        Change<R> result = change.apply(current);
        if (!result.edited().differsFrom(current)) {
          return result.outcome();
        }
        requireWritable(file, real);
        if (replaceIfUnchanged(real, read, result.edited().bytes())) {
          return result.outcome();
        }
      }
    } catch (NoSuchFileException e) {
      throw PlanFileException.missing(file);
    } catch (IOException e) {
      throw PlanFileException.io("writing", file, e);
    }
    throw PlanFileException.changedMeanwhile(file);
  }

  /**
   * Replaces the whole content of the existing file {@code file} with {@code bytes}, under its
   * lock.
   *
   * @throws PlanFileException as {@link #apply} does
   */
  public static void replace(Path file, byte[] bytes) {
    apply(file, current -> new Change<>(PlanDocument.parse(file, bytes), null));
  }

  private static Path existingRealPath(Path file) {
    if (!Files.isRegularFile(file)) {
      throw PlanFileException.missing(file);
    }
    try {
      return file.toRealPath();
    } catch (IOException e) {
      throw PlanFileException.missing(file);
    }
  }

  /** Refuses a file nobody may write, even when running as root (who could write it anyway). */
  private static void requireWritable(Path file, Path real) {
    boolean writable = Files.isWritable(real);
    if (writable && real.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      try {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(real);
        writable = permissions.stream().anyMatch(WRITE_BITS::contains);
      } catch (IOException e) {
        throw PlanFileException.io("reading the permissions of", file, e);
      }
    }
    if (!writable) {
      throw PlanFileException.readOnly(file);
    }
  }

  /**
   * Writes {@code bytes} over {@code target} unless its content is no longer {@code expected};
   * returns whether it wrote. The temporary file takes the target's POSIX permissions, so the file
   * changes content only.
   */
  private static boolean replaceIfUnchanged(Path target, byte[] expected, byte[] bytes)
      throws IOException {
    Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
      }
      if (!Arrays.equals(Files.readAllBytes(target), expected)) {
        return false;
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return true;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
