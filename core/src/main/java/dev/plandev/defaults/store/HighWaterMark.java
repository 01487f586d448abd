package dev.plandev.defaults.store;

import dev.plandev.defaults.model.StorageException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How much a SQLite store had committed when it was last seen, kept in a small file beside the
 * database ({@code defaults.db.highwater}), so that a store which lost acknowledged writes refuses
 * to start instead of carrying on as if nothing happened (and, when emptied, minting a new admin
 * key).
 *
 * <p>The mark is the last id handed out to the audit trail and to usage events, read from {@code
 * sqlite_sequence}: ids of {@code AUTOINCREMENT} tables never go back, even when rows are deleted,
 * so a database that holds less than its mark lost commits. That catches a database file truncated
 * to zero or deleted, an older copy put in its place, and a write-ahead log whose frames SQLite
 * dropped after a crash because garbage broke their checksums. The mark is written when the store
 * opens, after its first write, at most once a {@link #PERIOD} after later writes, at maintenance
 * and at close: writes committed in the last {@link #PERIOD} before a crash are not covered.
 */
final class HighWaterMark {
  /** Writes after the mark's last update wait at most this long (store clock) to be marked. */
  static final long PERIOD = 1000;

  private static final Logger LOG = LoggerFactory.getLogger(HighWaterMark.class);

  /** Ids handed out so far; compared field by field. */
  record Level(long changes, long usageEvents) {
    static final Level NONE = new Level(0, 0);

    boolean below(Level other) {
      return changes < other.changes || usageEvents < other.usageEvents;
    }

    boolean empty() {
      return changes == 0 && usageEvents == 0;
    }
  }

  private final Path markFile;
  private final Path database;
  private final Clock clock;
  private final ReentrantLock updating = new ReentrantLock();
  private volatile long writtenAt = Long.MIN_VALUE;
  private volatile Level written;

  HighWaterMark(Path database, Clock clock) {
    this.database = database;
    this.markFile = database.resolveSibling(database.getFileName() + ".highwater");
    this.clock = clock;
    this.written = read();
  }

  /** The level recorded last; {@link Level#NONE} when there is no mark. */
  Level recorded() {
    return written;
  }

  /**
   * Before the database is opened: refuses a missing or empty database file whose mark says it had
   * data, before SQLite would turn it into a new empty store.
   *
   * @throws StorageException saying what was lost and how to start anyway, unless {@code allowed}
   */
  void refuseEmptied(boolean allowed) {
    boolean empty;
    try {
      empty = !Files.exists(database) || Files.size(database) == 0;
    } catch (IOException e) {
      return; // opening it will say what is wrong with it
    }
    if (empty && !written.empty()) {
      refuse(
          allowed,
          "the database file "
              + database
              + " is empty or missing, but it held "
              + written.changes()
              + " changes when plandev last used it: it was emptied, deleted or replaced");
    }
  }

  /**
   * After the database is opened: refuses one that holds less than its mark, and marks its level.
   *
   * @throws StorageException saying what was lost and how to start anyway, unless {@code allowed}
   */
  void refuseLost(Level now, boolean allowed) {
    if (now.below(written)) {
      refuse(
          allowed,
          "the database file "
              + database
              + " holds fewer writes than it had committed when plandev last used it (changes "
              + now.changes()
              + " of "
              + written.changes()
              + ", usage events "
              + now.usageEvents()
              + " of "
              + written.usageEvents()
              + "): writes were lost, for example a write-ahead log (-wal file) damaged in a"
              + " crash, or an older copy of the file put in its place");
    }
    write(now);
  }

  private void refuse(boolean allowed, String what) {
    if (allowed) {
      LOG.warn("{}; starting anyway because sqlite.allowLostWrites is set", what);
      return;
    }
    throw new StorageException(
        what
            + ". Restore the database from a backup; or, to go on with what it holds now, start"
            + " once with -o sqlite.allowLostWrites=true (or PLANDEV_SQLITE_ALLOW_LOST_WRITES=true),"
            + " which resets "
            + markFile.getFileName());
  }

  /**
   * After a write: marks the level {@code level} reads when the store had none marked yet, or when
   * the last mark is at least {@link #PERIOD} old. Never waits for another thread's update.
   */
  void afterWrite(LevelReader level) {
    if (!written.empty() && clock.millis() - writtenAt < PERIOD) {
      return;
    }
    if (!updating.tryLock()) {
      return; // another writer is marking a level at least as recent
    }
    try {
      write(level.read());
    } catch (RuntimeException e) {
      LOG.warn("cannot update {}: {}", markFile, e.getMessage());
    } finally {
      updating.unlock();
    }
  }

  /** Reads the database's current level. */
  interface LevelReader {
    Level read();
  }

  /**
   * The level of the database behind {@code rs} of {@code SELECT name, seq FROM sqlite_sequence}.
   */
  static Level level(ResultSet rs) throws SQLException {
    long changes = 0;
    long usage = 0;
    while (rs.next()) {
      if ("changes".equals(rs.getString(1))) {
        changes = rs.getLong(2);
      } else if ("usage_events".equals(rs.getString(1))) {
        usage = rs.getLong(2);
      }
    }
    return new Level(changes, usage);
  }

  /** Records {@code level} (atomically: a crash leaves the old mark or the new one). */
  void write(Level level) {
    updating.lock();
    try {
      writeLocked(level);
    } finally {
      updating.unlock();
    }
  }

  private void writeLocked(Level level) {
    writtenAt = clock.millis();
    if (level.equals(written) && Files.exists(markFile)) {
      return;
    }
    String text =
        "# What this database had committed when plandev last saw it. plandev refuses to start\n"
            + "# on a database holding less; -o sqlite.allowLostWrites=true starts anyway.\n"
            + "changes="
            + level.changes()
            + "\nusageEvents="
            + level.usageEvents()
            + "\n";
    try {
      // One temporary file per process: the CLI and the service may share the database.
      Path tmp =
          markFile.resolveSibling(
              markFile.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
      OwnerOnly.file(tmp);
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(
          tmp, markFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      written = level;
    } catch (IOException e) {
      // The mark guards against a loss; failing to write it must not fail the write it follows.
      LOG.warn("cannot write {}: {}", markFile, e.getMessage());
    }
  }

  private Level read() {
    if (!Files.exists(markFile)) {
      return Level.NONE;
    }
    try {
      Properties p = new Properties();
      p.load(new StringReader(Files.readString(markFile, StandardCharsets.UTF_8)));
      return new Level(
          Long.parseLong(p.getProperty("changes", "0").trim()),
          Long.parseLong(p.getProperty("usageEvents", "0").trim()));
    } catch (IOException | NumberFormatException e) {
      LOG.warn("ignoring unreadable {}: {}", markFile, e.getMessage());
      return Level.NONE;
    }
  }
}
