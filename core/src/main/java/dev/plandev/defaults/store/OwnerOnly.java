package dev.plandev.defaults.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of the store that only their owner may read or write: folders {@code
 * rwx------}, files {@code rw-------}. Where the file system has no POSIX permissions (Windows)
 * nothing is changed: there the folder's access list, inherited from the user's profile, already
 * applies.
 */
public final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final Set<PosixFilePermission> FOLDER =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /**
   * Creates {@code dir} and its missing parents owner-only. A folder that already exists is left as
   * it is: it may be a place the user chose and shares on purpose.
   */
  public static void createDirectories(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (POSIX) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(FOLDER));
    } else {
      Files.createDirectories(dir);
    }
  }

  /**
   * Makes {@code file} owner-only: creates it empty if it is missing, else takes away every access
   * of others (it may come from a version that did not care).
   */
  static void file(Path file) throws IOException {
    if (Files.notExists(file)) {
      FileAttribute<?>[] attrs =
          POSIX
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
              : new FileAttribute<?>[0];
      Files.createFile(file, attrs);
    } else {
      restrict(file);
    }
  }

  /** Makes {@code file}, if it exists, owner-only. */
  static void restrict(Path file) throws IOException {
    if (POSIX && Files.isRegularFile(file)) {
      Files.setPosixFilePermissions(file, FILE);
    }
  }
}
