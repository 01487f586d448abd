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
 */
public record DiskSpace(long free, long total) {

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
    return new DiskSpace(store.getUsableSpace(), store.getTotalSpace());
  }

  /** The share of the file system in use, 0..1. */
  public double usedRatio() {
    return total <= 0 ? 0 : Math.min(1, Math.max(0, (double) (total - free) / total));
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
