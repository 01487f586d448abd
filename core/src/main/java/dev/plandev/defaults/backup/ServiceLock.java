package dev.plandev.defaults.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a running service holds on its data directory ({@code serve.lock}), so that a restore
 * never replaces the store under it. Services hold it shared (several may serve one store), each on
 * a byte of its own so that services in one JVM (tests, embedding) do not collide; a restore needs
 * it whole and exclusive. The operating system releases it when the process ends, even by {@code
 * kill -9}, so a stale file never blocks a restore.
 */
public final class ServiceLock implements AutoCloseable {
  static final String FILE = "serve.lock";
  private static final java.util.concurrent.atomic.AtomicLong NEXT_BYTE =
      new java.util.concurrent.atomic.AtomicLong(ProcessHandle.current().pid() << 20);

  private final FileChannel channel;
  private final FileLock lock;

  private ServiceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes a share of the lock of {@code dataDir} for a service of this process.
   *
   * @throws BackupException when the lock file cannot be made
   */
  public static ServiceLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      return new ServiceLock(channel, channel.lock(NEXT_BYTE.getAndIncrement(), 1, true));
    } catch (IOException e) {
      throw new BackupException(
          "cannot lock the data directory "
              + dataDir
              + " ("
              + e.getMessage()
              + "); make it"
              + " writable by the user running plandev",
          e);
    }
  }

  /** True when a service (of any process) holds a share of the lock of {@code dataDir}. */
  public static boolean inUse(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock whole = channel.tryLock(0, Long.MAX_VALUE, false);
      if (whole == null) {
        return true;
      }
      whole.release();
      return false;
    } catch (OverlappingFileLockException heldByThisProcess) {
      return true;
    } catch (IOException e) {
      return true; // cannot tell: refusing is the safe answer
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process is stopping; the system releases the lock with it
    }
  }
}
