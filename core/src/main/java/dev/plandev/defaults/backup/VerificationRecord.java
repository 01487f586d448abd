package dev.plandev.defaults.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last verification of each backup, kept beside the backups in {@code verifications.json}: a
 * restarted service still reports the last result in {@code /metrics} and {@code /health}, and a
 * verification made by {@code plandev backup verify} shows in the running service.
 *
 * <p>Written to a temporary file and renamed over the old one, so a reader sees one whole version.
 * The file is read again whenever it changed on disk (another process verified). A damaged file is
 * reported once with a warning and read as empty; the next verification replaces it. Two processes
 * verifying at the same instant may each keep only their own result: the next verification of the
 * other backup writes it again.
 */
final class VerificationRecord {
  static final String FILE = "verifications.json";
  private static final Logger LOG = LoggerFactory.getLogger(VerificationRecord.class);
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One backup's last verification, as the file holds it. */
  record Entry(String id, String at, String problem) {}

  /** The file's content. */
  record Content(List<Entry> verifications) {}

  private final Path file;
  private Map<String, Verification> byId = new LinkedHashMap<>();
  private FileTime readAt;
  private FileTime warnedAt;

  VerificationRecord(Path dir) {
    this.file = dir.resolve(FILE);
  }

  /** The last verification of backup {@code id}. */
  synchronized Optional<Verification> of(String id) {
    reload();
    return Optional.ofNullable(byId.get(id));
  }

  /** Every backup's last verification, by id. */
  synchronized Map<String, Verification> all() {
    reload();
    return Map.copyOf(byId);
  }

  /**
   * Records {@code v}, and forgets the backups of {@code kept} no longer lists.
   *
   * @throws BackupException when the file cannot be written
   */
  synchronized void record(Verification v, List<String> kept) {
    reload();
    byId.put(v.id(), v);
    byId.keySet().retainAll(kept);
    List<Entry> entries = new ArrayList<>();
    byId.values().forEach(x -> entries.add(new Entry(x.id(), x.at().toString(), x.problem())));
    Path tmp = file.resolveSibling(FILE + ".tmp");
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(tmp.toFile(), new Content(entries));
      Compressed.force(tmp);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      readAt = Files.getLastModifiedTime(file);
    } catch (IOException e) {
      throw new BackupException(
          "cannot record the verification of "
              + v.id()
              + " in "
              + file
              + " ("
              + e.getMessage()
              + "); check that the backup directory is writable",
          e);
    }
  }

  /** Reads the file again when it changed since it was last read. */
  private void reload() {
    FileTime modified;
    try {
      modified = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    } catch (IOException e) {
      modified = null;
    }
    if (modified == null) {
      byId = new LinkedHashMap<>();
      readAt = null;
      return;
    }
    if (modified.equals(readAt)) {
      return;
    }
    readAt = modified;
    Map<String, Verification> read = new LinkedHashMap<>();
    try {
      Content c = JSON.readValue(file.toFile(), Content.class);
      for (Entry e : c.verifications()) {
        read.put(e.id(), new Verification(e.id(), Instant.parse(e.at()), e.problem()));
      }
      byId = read;
    } catch (IOException | RuntimeException e) {
      byId = new LinkedHashMap<>();
      if (!modified.equals(warnedAt)) {
        warnedAt = modified;
        LOG.warn(
            "the record of backup verifications {} cannot be read ({}); the results it held are"
                + " unknown until the next verification replaces it (plandev backup verify --all)",
            file,
            e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage()
                : e.toString());
      }
    }
  }
}
