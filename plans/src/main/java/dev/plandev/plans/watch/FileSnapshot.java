package dev.plandev.plans.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What a file looked like at one moment: size, modification time and a hash of its content. Two
 * equal snapshots taken a while apart say nobody wrote the file in between, as far as anyone can
 * tell from outside the writer.
 *
 * @param size the size in bytes
 * @param modified the modification time
 * @param contentHash the hex SHA-256 of the content
 */
record FileSnapshot(long size, FileTime modified, String contentHash) {

  /** The file as it is now, or empty when it was written to while being read. */
  static Optional<FileSnapshot> of(Path file) throws IOException {
    BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
    byte[] content = Files.readAllBytes(file);
    BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
    if (content.length != after.size()
        || !before.lastModifiedTime().equals(after.lastModifiedTime())) {
      return Optional.empty();
    }
    return Optional.of(new FileSnapshot(after.size(), after.lastModifiedTime(), hash(content)));
  }

  /** The hex SHA-256 of {@code content}, as {@link #contentHash()} holds it. */
  static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
