package dev.plandev.defaults.backup;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Files of a backup: zstd-compressed (with zstd's own frame checksum), each read or written in one
 * pass that also computes the SHA-256 of its plain and compressed bytes.
 */
final class Compressed {
  private static final int BUFFER = 1 << 16;

  private Compressed() {}

  /**
   * Compresses {@code plain} into {@code target} at {@code level}, forced to disk.
   *
   * @return the entry of the manifest, named {@code name}, restoring to {@code restoresTo}
   */
  static Manifest.FileEntry write(
      Path plain, Path target, int level, String name, String restoresTo) throws IOException {
    MessageDigest plainDigest = sha256();
    MessageDigest packedDigest = sha256();
    long plainBytes;
    try (InputStream in = new DigestInputStream(Files.newInputStream(plain), plainDigest);
        ZstdOutputStream z =
            new ZstdOutputStream(
                new DigestOutputStream(Files.newOutputStream(target), packedDigest), level)) {
      z.setChecksum(true);
      plainBytes = in.transferTo(z);
    }
    force(target);
    return new Manifest.FileEntry(
        name, restoresTo, Files.size(target), hex(packedDigest), plainBytes, hex(plainDigest));
  }

  /** The SHA-256 of a file's bytes, in hex. */
  static String checksum(Path file) throws IOException {
    MessageDigest d = sha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return hex(d);
  }

  /**
   * Decompresses {@code packed} into {@code target} (forced to disk; null only checks) and returns
   * the SHA-256 of the plain bytes.
   *
   * @throws IOException when the file is not valid zstd or its frame checksum fails
   */
  static String read(Path packed, Path target) throws IOException {
    MessageDigest d = sha256();
    try (InputStream in =
        new DigestInputStream(
            new ZstdInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(packed), BUFFER)),
            d)) {
      if (target == null) {
        in.transferTo(OutputStream.nullOutputStream());
      } else {
        try (FileOutputStream out = new FileOutputStream(target.toFile())) {
          in.transferTo(out);
          out.getChannel().force(true);
        }
      }
    }
    return hex(d);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  private static String hex(MessageDigest d) {
    return HexFormat.of().formatHex(d.digest());
  }

  /** Forces a file (or a directory, where the file system allows it) to disk. */
  static void force(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // Not every file system lets a directory be opened and forced; a rename still orders it.
    }
  }
}
