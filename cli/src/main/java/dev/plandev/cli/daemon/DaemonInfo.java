package dev.plandev.cli.daemon;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What a running daemon writes beside its socket: its process id, the jar it runs (with the size
 * and modification time it had when the daemon started, so that a rebuilt jar is noticed), the java
 * binary and when it started. The {@code ./plandev} launcher reads the {@code jar=} line to use the
 * daemon only for its own jar.
 *
 * @param pid the daemon's process id
 * @param jar the jar (or classes folder) the daemon runs
 * @param jarSize its size in bytes when the daemon started
 * @param jarModified its modification time in milliseconds when the daemon started
 * @param java the java binary
 * @param started when the daemon started
 */
record DaemonInfo(
    long pid, Path jar, long jarSize, long jarModified, String java, Instant started) {

  /** The info of this process, running {@code jar}, started at {@code started}. */
  static DaemonInfo ofThisProcess(Path jar, Instant started) throws IOException {
    BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
    return new DaemonInfo(
        ProcessHandle.current().pid(),
        jar,
        a.size(),
        a.lastModifiedTime().toMillis(),
        ProcessHandle.current().info().command().orElse("java"),
        started);
  }

  /** Whether the jar on disk is no longer the one this daemon loaded (rebuilt, replaced, gone). */
  boolean jarChanged() {
    try {
      BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
      return a.size() != jarSize || a.lastModifiedTime().toMillis() != jarModified;
    } catch (IOException e) {
      return true;
    }
  }

  /** Writes the file whole under a temporary name first, so that no reader sees half of it. */
  void write(Path file) throws IOException {
    String text =
        "pid="
            + pid
            + "\njar="
            + jar
            + "\njarSize="
            + jarSize
            + "\njarModified="
            + jarModified
            + "\njava="
            + java
            + "\nstarted="
            + started
            + "\n";
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The info in {@code file}, or empty when there is none or it cannot be read. */
  static Optional<DaemonInfo> read(Path file) {
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(file)));
      return Optional.of(
          new DaemonInfo(
              Long.parseLong(p.getProperty("pid")),
              Path.of(p.getProperty("jar")),
              Long.parseLong(p.getProperty("jarSize")),
              Long.parseLong(p.getProperty("jarModified")),
              p.getProperty("java"),
              Instant.parse(p.getProperty("started"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
