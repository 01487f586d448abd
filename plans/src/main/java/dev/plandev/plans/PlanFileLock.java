package dev.plandev.plans;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive right to edit one plan file, held across processes and threads alike.
 *
 * <p>Processes meet on an operating-system lock of a lock file named after the plan's real path in
 * the shared {@link LockFolder}, not on a lock of the plan itself: a POSIX lock is dropped as soon
 * as the process closes <em>any</em> descriptor of the locked file, and every reader of the plan
 * opens and closes it. Nothing but this class opens a lock file, and the file is never deleted
 * (deleting it would let a waiter lock a file that no longer has the name), so it stays out of the
 * plan's folder. Threads of one JVM queue on a {@link ReentrantLock} first, since a JVM cannot hold
 * two locks on one file.
 */
final class PlanFileLock implements AutoCloseable {
  private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;

  private PlanFileLock(ReentrantLock local, FileChannel channel) {
    this.local = local;
    this.channel = channel;
  }

  /** Waits for and takes the lock of {@code realFile} (a path without symbolic links). */
  static PlanFileLock acquire(Path realFile) throws IOException {
    return acquire(LockFolder.shared(), realFile);
  }

  /** As {@link #acquire(Path)}, with the lock file in {@code folder}. */
  static PlanFileLock acquire(LockFolder folder, Path realFile) throws IOException {
    ReentrantLock local = IN_THIS_JVM.computeIfAbsent(realFile, p -> new ReentrantLock());
    local.lock();
    try {
      Path lockFile = folder.lockFileOf(realFile);
      // The folder is shared by every user of the machine: never follow a link someone put there.
      FileChannel channel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              LinkOption.NOFOLLOW_LINKS);
      try {
        LockFolder.share(lockFile);
        channel.lock();
        return new PlanFileLock(local, channel);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      local.unlock();
      throw e;
    }
  }

  /** Releases the lock, to other processes first, then to this JVM's threads. */
  @Override
  public void close() throws IOException {
    try {
      channel.close();
    } finally {
      local.unlock();
    }
  }
}
