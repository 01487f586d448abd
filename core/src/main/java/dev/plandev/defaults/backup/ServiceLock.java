package dev.plandev.defaults.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock a running service holds on its data directory ({@code serve.lock}), so that a restore
 * never replaces the store under it. The operating system releases it when the process ends, even
 * by {@code kill -9}, so a stale file never blocks a restore.
 */
public final class ServiceLock implements AutoCloseable {
  static final String FILE = "serve.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private ServiceLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of {@code dataDir} for this process.
   *
   * @throws BackupException when another service holds it, naming its process id
   */
  public static ServiceLock acquire(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String pid = Files.readString(file, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new BackupException(
            "another plandev service (process " + pid + ") is using the data directory " + dataDir);
      }
      channel.truncate(0);
      channel.write(
          java.nio.ByteBuffer.wrap(
              Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      channel.force(true);
      return new ServiceLock(channel, lock);
    } catch (IOException e) {
      throw new BackupException("cannot lock the data directory " + dataDir + ": " + e, e);
    }
  }

  /** The process id of the service using {@code dataDir}, or empty when none is running. */
  public static Optional<String> holder(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock != null) {
        lock.release();
        return Optional.empty();
      }
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      return Optional.of("unknown: " + e.getMessage());
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldByThisProcess) {
      return null;
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
