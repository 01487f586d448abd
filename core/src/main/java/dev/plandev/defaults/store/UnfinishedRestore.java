package dev.plandev.defaults.store;

import dev.plandev.defaults.model.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The mark a restore leaves beside a SQLite database file while it replaces it ({@code
 * defaults.db.restoring}): a restore stopped half-way (killed, a crash, a full disk) leaves it
 * behind, and the store then refuses to open that database instead of serving half a store.
 */
public final class UnfinishedRestore {
  private UnfinishedRestore() {}

  /** The mark of the database {@code file}. */
  public static Path markOf(Path file) {
    return file.resolveSibling(file.getFileName() + ".restoring");
  }

  /** Marks {@code file} as being restored from {@code backup} (an id, named by the refusal). */
  public static void mark(Path file, String backup) throws IOException {
    Path mark = markOf(file);
    Files.createDirectories(mark.toAbsolutePath().getParent());
    Files.writeString(
        mark,
        "# plandev is restoring this database from backup "
            + backup
            + "; while this file exists the store refuses to open it.\nbackup="
            + backup
            + "\n");
  }

  /** Removes the mark once the restored database is complete and checked. */
  public static void clear(Path file) throws IOException {
    Files.deleteIfExists(markOf(file));
  }

  /**
   * Refuses to open {@code file} while a restore's mark lies beside it.
   *
   * @throws StorageException naming the backup and what to do
   */
  static void refuseIfMarked(Path file) {
    Path mark = markOf(file);
    if (!Files.exists(mark)) {
      return;
    }
    String backup = "?";
    try {
      for (String line : Files.readAllLines(mark)) {
        if (line.startsWith("backup=")) {
          backup = line.substring("backup=".length()).trim();
        }
      }
    } catch (IOException e) {
      // the refusal below still holds; only the backup's name is unknown
    }
    throw new StorageException(
        "the database "
            + file
            + " is unusable: a restore from backup "
            + backup
            + " was interrupted before it finished ("
            + mark.getFileName()
            + " is still there). Run the restore again (plandev restore "
            + backup
            + " --to "
            + file.toAbsolutePath().getParent()
            + " --force), or restore another backup");
  }
}
