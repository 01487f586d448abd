package dev.plandev.defaults.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written last into its folder so that a folder without it is no backup.
 *
 * @param id the backup's name, also its folder's name
 * @param kind {@code full} or {@code incremental}
 * @param store {@code sqlite}
 * @param base for an incremental, the backup it follows (its changes start after that one's last
 *     ids); null for a full backup
 * @param from the time of the oldest change the backup holds (null for an empty store)
 * @param to the moment the backup shows: every row it holds was written at or before it, and a row
 *     written at or before it that it lacks is in the next incremental
 * @param finishedAt when the backup was complete
 * @param schemaVersion the store's schema version, which a restoring plandev must know
 * @param rows rows of each table (of an incremental: the rows it adds)
 * @param lastIds the last id of the audit trail and of the usage events
 * @param files every file of the backup with its sizes and SHA-256 checksums
 * @param keyIds ids of the encryption keys its secrets need (the key itself is not in it)
 * @param zstdLevel the compression level used
 * @param sample resolutions made on the snapshot, compared after a restore
 */
public record Manifest(
    int format,
    String id,
    String kind,
    String store,
    String base,
    String from,
    String to,
    String finishedAt,
    int schemaVersion,
    Map<String, Long> rows,
    Map<String, Long> lastIds,
    List<FileEntry> files,
    List<String> keyIds,
    int zstdLevel,
    List<SampleResolve> sample) {

  /** The file name of the manifest in a backup's folder. */
  static final String FILE = "manifest.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One file of a backup.
   *
   * @param name its path in the backup's folder ({@code defaults.db.zst}, {@code model/….zst})
   * @param restoresTo its path, decompressed, relative to the data directory
   * @param bytes its compressed size
   * @param sha256 checksum of its compressed bytes
   * @param plainBytes its size once decompressed
   * @param plainSha256 checksum of its decompressed bytes
   */
  public record FileEntry(
      String name,
      String restoresTo,
      long bytes,
      String sha256,
      long plainBytes,
      String plainSha256) {}

  /**
   * The answer of one resolve on the snapshot.
   *
   * @param key the key resolved
   * @param context the request context (canonical JSON)
   * @param entryId the winning entry
   * @param version its version
   */
  public record SampleResolve(String key, String context, long entryId, long version) {}

  /** True for a full backup, false for an incremental one. */
  public boolean full() {
    return "full".equals(kind);
  }

  /** The moment the backup shows. */
  public Instant toInstant() {
    return Instant.parse(to);
  }

  /** Compressed bytes of all files. */
  public long totalBytes() {
    return files.stream().mapToLong(FileEntry::bytes).sum();
  }

  /** Decompressed bytes of all files: what a restore writes. */
  public long plainBytes() {
    return files.stream().mapToLong(FileEntry::plainBytes).sum();
  }

  void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  static Manifest read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Manifest.class);
  }
}
