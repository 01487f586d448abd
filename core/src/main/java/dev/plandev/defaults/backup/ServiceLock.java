package dev.plandev.defaults.backup;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The lock a running service holds on its data directory ({@code serve.lock}), so that a restore
 * never replaces the store under it. Services hold it shared (several may serve one store, such as
 * {@code plandev serve} beside {@code plandev mcp}), each on a byte of its own so that services in
 * one JVM (tests, embedding) do not collide; a restore needs it whole and exclusive. The operating
 * system releases it when the process ends, even by {@code kill -9}, so a stale file never blocks a
 * restore.
 *
 * <p>Each holder also leaves a line naming itself in {@code serve.lock.holders/}, only so that a
 * refused restore can say who holds the lock: the lock decides, a name left by a process that died
 * is not shown.
 */
public final class ServiceLock implements AutoCloseable {
  static final String FILE = "serve.lock";
  static final String HOLDERS = "serve.lock.holders";
  private static final long PID = ProcessHandle.current().pid();
  private static final AtomicLong NEXT_BYTE = new AtomicLong(PID << 20);

  private final FileChannel channel;
  private final FileLock lock;
  private final Path name;

  private ServiceLock(FileChannel channel, FileLock lock, Path name) {
    this.channel = channel;
    this.lock = lock;
    this.name = name;
  }

  /**
   * Takes a share of the lock of {@code dataDir} for a service of this process.
   *
   * @param holder what holds it, as a refused restore names it ({@code plandev mcp})
   * @throws BackupException when the lock file cannot be made
   */
  public static ServiceLock acquire(Path dataDir, String holder) {
    Path file = dataDir.resolve(FILE);
    try {
      Files.createDirectories(dataDir);
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long at = NEXT_BYTE.getAndIncrement();
      FileLock lock = channel.lock(at, 1, true);
      Path name = dataDir.resolve(HOLDERS).resolve(PID + "-" + at);
      try {
        Files.createDirectories(name.getParent());
        Files.writeString(name, holder + " (pid " + PID + ")", StandardCharsets.UTF_8);
      } catch (IOException e) {
        name = null; // the lock holds without its name; a refusal then names nobody
      }
      return new ServiceLock(channel, lock, name);
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

  /**
   * What holds the lock of {@code dataDir} ({@code plandev mcp (pid 4242)}), as far as the holders
   * named themselves and are still running.
   */
  private static List<String> named(Path dataDir) {
    List<String> out = new ArrayList<>();
    Path dir = dataDir.resolve(HOLDERS);
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path p : s.sorted().toList()) {
          String n = p.getFileName().toString();
          long pid = Long.parseLong(n.substring(0, Math.max(0, n.indexOf('-'))));
          if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            out.add(Files.readString(p, StandardCharsets.UTF_8).trim());
          }
        }
      } catch (IOException | RuntimeException e) {
        // a name that cannot be read is left out; the lock itself still refuses
      }
    }
    return out;
  }

  /** "plandev serve (pid 1) and plandev mcp (pid 2) are", or "a plandev service is" unnamed. */
  static String subject(List<String> named) {
    return named.isEmpty()
        ? "a plandev service is"
        : String.join(" and ", named) + (named.size() > 1 ? " are" : " is");
  }

  /** The refusal of a restore into {@code dataDir} while a service holds its lock. */
  static RestoreRefusedException refusal(Path dataDir, String what) {
    List<String> named = named(dataDir);
    return new RestoreRefusedException(
        ServiceLock.subject(named)
            + " using "
            + dataDir
            + " (it holds "
            + dataDir.resolve(FILE)
            + "); "
            + what);
  }

  @Override
  public void close() {
    try {
      if (name != null) {
        Files.deleteIfExists(name);
      }
      lock.release();
      channel.close();
    } catch (IOException e) {
      // the process is stopping; the system releases the lock with it
    }
  }
}
