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

  /** Writes plain text into an open stream; the compressed file's entry is computed around it. */
  interface TextWriter {
    void write(java.io.Writer out) throws IOException;
  }

  /**
   * Compresses the text {@code text} writes into {@code target} at {@code level}, forced to disk.
   */
  static Manifest.FileEntry write(Path target, int level, String name, TextWriter text)
      throws IOException {
    MessageDigest plainDigest = sha256();
    MessageDigest packedDigest = sha256();
    CountingStream counted;
    try (ZstdOutputStream z =
        new ZstdOutputStream(
            new DigestOutputStream(Files.newOutputStream(target), packedDigest), level)) {
      z.setChecksum(true);
      counted = new CountingStream(new DigestOutputStream(z, plainDigest));
      java.io.Writer w =
          new java.io.BufferedWriter(
              new java.io.OutputStreamWriter(counted, java.nio.charset.StandardCharsets.UTF_8),
              BUFFER);
      text.write(w);
      w.flush();
    }
    force(target);
    return new Manifest.FileEntry(
        name, "", Files.size(target), hex(packedDigest), counted.count, hex(plainDigest));
  }

  /** Reads the text of a compressed file. */
  static java.io.BufferedReader reader(Path packed) throws IOException {
    return new java.io.BufferedReader(
        new java.io.InputStreamReader(
            new ZstdInputStream(
                new java.io.BufferedInputStream(Files.newInputStream(packed), BUFFER)),
            java.nio.charset.StandardCharsets.UTF_8),
        BUFFER);
  }

  /** Counts the bytes written through it, and leaves the stream it writes to open. */
  private static final class CountingStream extends java.io.FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void close() throws IOException {
      flush();
    }
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
