package dev.plandev.defaults.backup;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free and used space of the file system under a directory, and whether a failure was a full disk.
 *
 * @param free bytes this process may still write
 * @param total size of the file system
 * @param unallocated bytes no file uses (free plus what the system keeps back from users)
 */
public record DiskSpace(long free, long total, long unallocated) {

  /** The space of the file system holding {@code dir} (or its nearest existing parent). */
  public static DiskSpace of(Path dir) throws IOException {
    Path p = dir.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IOException("no part of " + dir + " exists");
    }
    FileStore store = Files.getFileStore(p);
    return new DiskSpace(
        store.getUsableSpace(), store.getTotalSpace(), store.getUnallocatedSpace());
  }

  /**
   * The share of the space users may fill that is in use, 0..1, as {@code df} counts it: used /
   * (used + free), where used is what files take. Space the system keeps back (for root, or
   * thin-provisioned disks) is neither.
   */
  public double usedRatio() {
    long used = Math.max(0, total - unallocated);
    long room = used + Math.max(0, free);
    return room <= 0 ? 0 : Math.min(1, (double) used / room);
  }

  /** True when {@code e} or one of its causes says the disk is full. */
  static boolean isFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null
          && (m.contains("No space left")
              || m.contains("SQLITE_FULL")
              || m.contains("database or disk is full"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
