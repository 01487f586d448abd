package dev.plandev.defaults.backup;

import dev.plandev.defaults.store.OwnerOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The backups in the backup directory: one folder each, named by its id ({@code
 * full-20261201T051600Z}), a backup only once its manifest is in it. A folder still named {@code
 * <id>.partial}, or without a manifest, is listed as incomplete and is never used.
 */
final class BackupCatalog {
  static final String PARTIAL = ".partial";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;

  BackupCatalog(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * A new id of {@code kind} at {@code at}, unused in the directory, whose {@code .partial} folder
   * it creates: two backups started in the same second (the schedule and a person) get two ids.
   */
  String newId(String kind, Instant at) throws BackupException {
    try {
      // Backups hold every value of the store (secrets encrypted): owner-only, like the store.
      OwnerOnly.createDirectories(dir);
    } catch (IOException e) {
      throw new BackupException(
          "cannot create the backup directory "
              + dir
              + " ("
              + e.getMessage()
              + "); set backup.dir"
              + " to a writable place",
          e);
    }
    String base = kind + "-" + STAMP.format(at);
    String id = base;
    for (int n = 2; Files.exists(dir.resolve(id)) || !reserved(dir.resolve(id + PARTIAL)); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  /** Creates {@code folder}; false when it exists already (another backup holds that id). */
  private static boolean reserved(Path folder) throws BackupException {
    try {
      Files.createDirectory(folder);
      return true;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new BackupException(
          "cannot create "
              + folder
              + " ("
              + e.getMessage()
              + "); set backup.dir to a writable place",
          e);
    }
  }

  /** Every folder of the directory, complete ones by the moment they show, then incomplete ones. */
  List<BackupInfo> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<BackupInfo> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
        out.add(describe(p));
      }
    } catch (IOException e) {
      throw new BackupException(
          "cannot list the backup directory " + dir + ": " + e.getMessage(), e);
    }
    out.sort(
        Comparator.comparing((BackupInfo b) -> !b.complete())
            .thenComparing(b -> b.manifest() == null ? "" : b.manifest().to())
            .thenComparing(BackupInfo::id));
    return out;
  }

  /**
   * The newest complete backup of a {@code store} ("sqlite" or "postgresql"), which the next backup
   * of that store follows; null when there is none.
   */
  Manifest newest(String store) {
    return list().stream()
        .filter(BackupInfo::complete)
        .map(BackupInfo::manifest)
        .filter(m -> store.equals(m.store()))
        .reduce((a, b) -> b)
        .orElse(null);
  }

  private static BackupInfo describe(Path folder) {
    String name = folder.getFileName().toString();
    if (name.endsWith(PARTIAL)) {
      return BackupInfo.incomplete(
          name.substring(0, name.length() - PARTIAL.length()),
          folder,
          "interrupted before it finished; not a backup (delete the folder)");
    }
    Path m = folder.resolve(Manifest.FILE);
    if (!Files.exists(m)) {
      return BackupInfo.incomplete(name, folder, "no manifest; not a backup");
    }
    try {
      return BackupInfo.complete(Manifest.read(m), folder);
    } catch (IOException e) {
      return BackupInfo.incomplete(name, folder, "unreadable manifest: " + e.getMessage());
    }
  }

  /**
   * The complete backup {@code id}.
   *
   * @throws BackupNotFoundException when there is none by that id, listing the ones there are
   */
  BackupInfo find(String id) {
    // A name of a folder in the directory: never "." or "..", which would name another place.
    boolean aName = id.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    Path folder = aName ? dir.resolve(id) : dir;
    if (!aName || !Files.isDirectory(folder)) {
      List<String> ids = list().stream().filter(BackupInfo::complete).map(BackupInfo::id).toList();
      throw new BackupNotFoundException(
          "no backup '"
              + id
              + "' in "
              + dir
              + (ids.isEmpty()
                  ? " (there is none yet)"
                  : "; there are: " + String.join(", ", ids)));
    }
    BackupInfo info = describe(folder);
    if (!info.complete()) {
      throw new BackupException(
          "backup " + id + " in " + dir + " is not usable: " + info.problem());
    }
    return info;
  }

  /**
   * Checks every file of a complete backup against its manifest: present, of its size, of its
   * checksum, and decompressing to the plain checksum.
   *
   * @throws DamagedBackupException naming the backup and the first file that does not match
   */
  static void verify(BackupInfo backup) {
    Manifest m = backup.manifest();
    for (Manifest.FileEntry f : m.files()) {
      Path p = backup.folder().resolve(f.name());
      String where = "backup " + m.id() + " is damaged: its file " + f.name();
      try {
        if (!Files.exists(p)) {
          throw new DamagedBackupException(where + " is missing");
        }
        long size = Files.size(p);
        if (size != f.bytes()) {
          throw new DamagedBackupException(
              where + " has " + size + " bytes, its manifest says " + f.bytes());
        }
        String sum = Compressed.checksum(p);
        if (!sum.equals(f.sha256())) {
          throw new DamagedBackupException(
              where + " has SHA-256 " + sum + ", its manifest says " + f.sha256());
        }
        String plain = Compressed.read(p, null);
        if (!plain.equals(f.plainSha256())) {
          throw new DamagedBackupException(where + " does not decompress to the data it recorded");
        }
      } catch (IOException e) {
        throw new DamagedBackupException(where + " cannot be read: " + e.getMessage());
      }
    }
  }

  /**
   * Decompresses the file {@code f} of {@code backup} into {@code to}.
   *
   * @throws DamagedBackupException when its plain bytes are not the ones the manifest recorded
   */
  static void decompress(BackupInfo backup, Manifest.FileEntry f, Path to) throws IOException {
    String sum = Compressed.read(backup.folder().resolve(f.name()), to);
    if (!sum.equals(f.plainSha256())) {
      throw new DamagedBackupException(
          "backup "
              + backup.id()
              + " is damaged: its file "
              + f.name()
              + " decompressed to other data");
    }
  }

  /** Writes the files of a backup into its folder, and returns its manifest. */
  interface Contents {
    Manifest write(Path partial) throws IOException, java.sql.SQLException;
  }

  /**
   * Creates the folder of backup {@code id}, lets {@code contents} fill it and publishes it; on any
   * failure deletes what was written (nothing of a failed backup is kept) and throws the failure in
   * words.
   */
  Manifest take(
      String id,
      dev.plandev.defaults.config.PlandevConfig config,
      BackupProgress progress,
      Contents contents) {
    Path partial = dir.resolve(id + PARTIAL);
    try {
      Files.createDirectories(partial);
      Manifest m = contents.write(partial);
      progress.step("manifest");
      publish(partial, m);
      return m;
    } catch (IOException | java.sql.SQLException | RuntimeException e) {
      deleteQuietly(partial);
      throw FullBackup.failure(config, e);
    }
  }

  /**
   * Writes {@code m} into the folder {@code partial} of a backup whose files are all there, and
   * renames the folder to the backup's id: until the rename it is not a backup.
   */
  void publish(Path partial, Manifest m) throws IOException {
    Path tmp = partial.resolve(Manifest.FILE + ".tmp");
    m.write(tmp);
    Compressed.force(tmp);
    Files.move(tmp, partial.resolve(Manifest.FILE), StandardCopyOption.ATOMIC_MOVE);
    Compressed.force(partial);
    Files.move(partial, dir.resolve(m.id()), StandardCopyOption.ATOMIC_MOVE);
    Compressed.force(dir);
  }

  /** Deletes a folder and everything in it, as far as it can. */
  static void deleteQuietly(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // what is left is named .partial or has no manifest: never taken for a backup
    }
  }
}
