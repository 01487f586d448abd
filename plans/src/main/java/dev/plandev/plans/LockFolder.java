package dev.plandev.plans;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The folder every user of the machine keeps plan lock files in, {@code <tmpdir>/plandev-locks}.
 *
 * <p>Two people editing one plan must meet on one lock file, so the folder is shared rather than
 * per user, and made like {@code /tmp}: mode {@code 1777}, world-writable with the sticky bit, so
 * anyone can create a lock file but only its owner can delete or rename it (a deleted lock file
 * would let a waiter lock a file that no longer has the name). Lock files are mode {@code 0666} so
 * that the second user can open the first one's file for locking. Both modes are set after
 * creation, since creating applies the umask. A symbolic link in place of the folder is refused:
 * anyone could have put it there to make plandev create files where it points.
 */
final class LockFolder {
  static final String NAME = "plandev-locks";

  /** {@code rwxrwxrwt}: what {@code chmod 1777} sets. */
  static final int SHARED_STICKY = 01777;

  /** {@code rw-rw-rw-}. */
  static final int LOCK_FILE = 0666;

  private static final int PERMISSION_BITS = 07777;

  private final Path folder;

  LockFolder(Path folder) {
    this.folder = folder;
  }

  /** The machine's lock folder, under {@code java.io.tmpdir}. */
  static LockFolder shared() {
    return new LockFolder(Path.of(System.getProperty("java.io.tmpdir"), NAME));
  }

  Path path() {
    return folder;
  }

  /** The lock file of {@code realFile}, named after a hash of its path; the folder made ready. */
  Path lockFileOf(Path realFile) throws IOException {
    ready();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(realFile.toString().getBytes(StandardCharsets.UTF_8));
      return folder.resolve(HexFormat.of().formatHex(digest) + ".lock");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * Gives a lock file this process just opened the shared mode, when this user owns it (only the
   * owner may change it; another user's file already got its mode from its owner).
   */
  static void share(Path lockFile) throws IOException {
    if (posix(lockFile) && mode(lockFile) != LOCK_FILE) {
      try {
        Files.setAttribute(lockFile, "unix:mode", LOCK_FILE, LinkOption.NOFOLLOW_LINKS);
      } catch (FileSystemException notOurs) {
        // Another user's lock file: its owner gave it the shared mode when creating it.
      }
    }
  }

  /** Creates the folder, or checks the one that is there, and gives it mode 1777 if it may. */
  private void ready() throws IOException {
    try {
      Files.createDirectory(folder);
    } catch (FileAlreadyExistsException e) {
      // Made by an earlier run or another user: checked below like a new one.
    }
    BasicFileAttributes attributes =
        Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
      throw PlanFileException.unsafeLockFolder(
          folder, "it is not a folder but " + (attributes.isSymbolicLink() ? "a link" : "a file"));
    }
    if (!posix(folder)) {
      return;
    }
    int mode = mode(folder);
    if (mode == SHARED_STICKY) {
      return;
    }
    try {
      Files.setAttribute(folder, "unix:mode", SHARED_STICKY, LinkOption.NOFOLLOW_LINKS);
    } catch (FileSystemException notOurs) {
      // Only the owner may change the mode. Without the sticky bit another user could delete our
      // lock files; without write permission for all we could not create one.
      if ((mode & 01002) != 01002) {
        throw PlanFileException.unsafeLockFolder(
            folder, "it has mode " + Integer.toOctalString(mode) + " instead of 1777");
      }
    }
  }

  static int mode(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)
        & PERMISSION_BITS;
  }

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("unix");
  }
}
