package dev.plandev.defaults.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The ranking model's files in a backup ({@code ranker.model} and the id of the last usage event it
 * learned, {@code learned-events.txt}), on SQLite and PostgreSQL alike.
 *
 * <p>The model must never claim usage events the restored store lacks: the engine resumes learning
 * after the saved id, so a model saved past the snapshot would skip, for ever, the events the
 * restored store later writes under those ids. So the files are copied <em>before</em> the store's
 * snapshot (every event a saved model learned was committed before it was saved, hence before the
 * snapshot) and left out when their id still exceeds the snapshot's last event (a model of another
 * store). A restore applies the same test to the backup's own files, and always sets aside the
 * model it replaces: that one may have learned events newer than the restored moment. Without a
 * model the engine relearns every restored event, the truth it is built from.
 */
final class ModelFiles {
  /** The folder of the model files in a backup, and what they restore to. */
  static final String FOLDER = "model";

  // The names the engine writes (Ranker.MODEL_FILE, BackgroundLearning.OFFSET_FILE), which core's
  // package rules keep out of reach from here.
  static final String MODEL = "ranker.model";
  static final String OFFSET = "learned-events.txt";

  /** Attempts at a copy that no save of the model overlapped, before taking the last one as is. */
  private static final int ATTEMPTS = 20;

  private static final long PAUSE_MS = 50;

  private ModelFiles() {}

  /**
   * The model files copied, plain, into a backup's folder.
   *
   * @param files the copies
   * @param learnedUpTo the id of the last usage event the model learned (0 without an offset file)
   */
  record Copy(List<Path> files, long learnedUpTo) {
    static final Copy NONE = new Copy(List.of(), 0);
  }

  /**
   * Copies the files of {@code modelDir} into {@code into}. A service may be saving the model
   * meanwhile (the model first, then the id): a copy is kept only when neither file changed during
   * it and the model is not newer than the id, else it is taken again.
   */
  static Copy copy(Path modelDir, Path into) throws IOException {
    if (modelFiles(modelDir).isEmpty()) {
      return Copy.NONE; // no model saved yet: the engine learns every restored event
    }
    Files.createDirectories(into);
    for (int attempt = 1; ; attempt++) {
      List<FileTime> before = times(modelDir);
      List<Path> files = new ArrayList<>();
      for (Path f : modelFiles(modelDir)) {
        Path to = into.resolve(f.getFileName().toString());
        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
        files.add(to);
      }
      // A save writes the model, then its id: a model newer than its id is a save half done.
      boolean settled =
          before.equals(times(modelDir)) && before.get(0).compareTo(before.get(1)) <= 0;
      if (settled || attempt == ATTEMPTS) {
        // After ATTEMPTS the files are what a restart of the service would find, too.
        return new Copy(files, learnedUpTo(into));
      }
      pause();
    }
  }

  /** Gives a save in progress the moment it needs to finish. */
  private static void pause() throws IOException {
    try {
      Thread.sleep(PAUSE_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while copying the model files");
    }
  }

  /** The modification times of the model and of its offset file (epoch when absent). */
  private static List<FileTime> times(Path dir) throws IOException {
    List<FileTime> out = new ArrayList<>();
    for (String name : new String[] {MODEL, OFFSET}) {
      Path f = dir.resolve(name);
      out.add(Files.exists(f) ? Files.getLastModifiedTime(f) : FileTime.fromMillis(0));
    }
    return out;
  }

  /** The model's files in {@code dir}: not the ones set aside as unreadable, nor temporary ones. */
  static List<Path> modelFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().contains(".unreadable-"))
          .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
          .sorted()
          .toList();
    }
  }

  /** The id of the last usage event the model in {@code dir} learned; 0 when it does not say. */
  static long learnedUpTo(Path dir) {
    Path f = dir.resolve(OFFSET);
    try {
      return Files.exists(f)
          ? Long.parseLong(Files.readString(f, StandardCharsets.UTF_8).trim())
          : 0;
    } catch (IOException | NumberFormatException e) {
      return 0; // the engine reads it the same way: it relearns from the first event
    }
  }

  /**
   * Compresses {@code copy} (made by {@link #copy} into {@code partial}'s {@value #FOLDER} folder)
   * beside itself and deletes the plain copies; nothing when the model learned past {@code
   * lastEventId}, the snapshot's last usage event.
   *
   * @return the manifest's entries of the model files
   */
  static List<Manifest.FileEntry> compress(
      Copy copy, Path partial, int level, long lastEventId, BackupProgress progress)
      throws IOException {
    List<Manifest.FileEntry> out = new ArrayList<>();
    boolean keep = !copy.files().isEmpty() && copy.learnedUpTo() <= lastEventId;
    if (!copy.files().isEmpty() && !keep) {
      progress.step(
          "model files left out: they learned usage events up to "
              + copy.learnedUpTo()
              + " and the store holds events up to "
              + lastEventId);
    }
    for (Path f : copy.files()) {
      if (keep) {
        String name = f.getFileName().toString();
        out.add(
            Compressed.write(
                f,
                partial.resolve(FOLDER).resolve(name + ".zst"),
                level,
                FOLDER + "/" + name + ".zst",
                FOLDER + "/" + name));
      }
      Files.delete(f);
    }
    if (!keep) {
      BackupCatalog.deleteQuietly(partial.resolve(FOLDER));
    }
    return out;
  }

  /** The manifest's entries of model files. */
  static List<Manifest.FileEntry> entries(Manifest m) {
    return m.files().stream().filter(f -> f.restoresTo().startsWith(FOLDER + "/")).toList();
  }

  /**
   * Decompresses the model files of {@code backup} into {@code staged} (checked against their
   * checksums), and keeps them only when they learned no usage event past the backup's last one.
   *
   * @return the restore's check, in words
   */
  static String stage(BackupInfo backup, Path staged) throws IOException {
    Manifest m = backup.manifest();
    Files.createDirectories(staged);
    for (Manifest.FileEntry f : entries(m)) {
      BackupCatalog.decompress(
          backup, f, staged.resolve(f.restoresTo().substring(FOLDER.length() + 1)));
    }
    return keepIfConsistent(staged, m);
  }

  /**
   * Deletes the staged model files when they learned events past the backup's last usage event
   * (backups taken before the model was copied ahead of the snapshot may hold such a model).
   *
   * @return the restore's check, in words
   */
  static String keepIfConsistent(Path staged, Manifest m) throws IOException {
    List<Path> files = modelFiles(staged);
    if (files.isEmpty()) {
      return "model: none in the backup; the engine learns the restored usage events";
    }
    long learned = learnedUpTo(staged);
    long last = m.lastIds().getOrDefault("usage_events", 0L);
    if (learned > last) {
      for (Path f : files) {
        Files.delete(f);
      }
      return "model: left out (it learned usage events up to "
          + learned
          + ", the backup holds them up to "
          + last
          + "); the engine relearns the restored usage events";
    }
    return "model: "
        + files.size()
        + " files, learned up to usage event "
        + learned
        + " (later restored events are learned on start)";
  }

  /**
   * Moves the model in {@code modelDir} (if any) into {@code aside} and the staged one in its
   * place; an empty {@code staged} leaves no model, and the engine relearns.
   */
  static void swap(Path staged, Path modelDir, Path aside) throws IOException {
    if (Files.exists(modelDir)) {
      Files.createDirectories(aside);
      Files.move(modelDir, aside.resolve(modelDir.getFileName()));
    }
    Files.createDirectories(modelDir.toAbsolutePath().getParent());
    Files.move(staged, modelDir);
  }
}
