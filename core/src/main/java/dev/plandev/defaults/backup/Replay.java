package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.store.LogReplay;
import java.io.BufferedReader;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second half of a point-in-time restore: the rows of a chain of incremental backups written at
 * or before the moment asked for, replayed onto the restored full backup (a SQLite file or a
 * PostgreSQL schema) in the order they were written (by time; a change before a usage event of the
 * same millisecond; by id within each), and how many were.
 */
final class Replay {
  private final int changes;
  private final int usage;
  private final Instant at;

  private Replay(int changes, int usage, Instant at) {
    this.changes = changes;
    this.usage = usage;
    this.at = at;
  }

  /**
   * Replays {@code increments} up to {@code at} onto the SQLite store of {@code staged}, checks its
   * integrity and row counts against {@code baseRows} plus what was replayed, and returns the
   * checks passed in words.
   */
  static List<String> apply(
      List<BackupInfo> increments,
      Instant at,
      PlandevConfig staged,
      Map<String, Long> baseRows,
      BackupProgress progress)
      throws IOException, SQLException {
    Replay done;
    try (LogReplay replay = LogReplay.open(staged)) {
      done = onto(replay, increments, at, progress);
      replay.commit();
    }
    SqliteFile file = new SqliteFile(staged.resolve(staged.sqlite().path()).toAbsolutePath());
    String integrity = file.integrityCheck();
    if (!"ok".equals(integrity)) {
      throw new BackupException("the replayed store fails its integrity check: " + integrity);
    }
    return List.of(done.check(baseRows, file.rowCounts(), "; integrity check: ok"));
  }

  /**
   * Replays the rows of {@code increments} written up to {@code at} through {@code replay}, which
   * its caller commits (or rolls back), and says how many it replayed.
   */
  static Replay onto(
      LogReplay replay, List<BackupInfo> increments, Instant at, BackupProgress progress)
      throws IOException {
    List<Change> changes = new ArrayList<>();
    List<UsageEvent> usage = new ArrayList<>();
    for (BackupInfo i : increments) {
      try (BufferedReader r = Compressed.reader(i.folder().resolve(LogRows.CHANGES))) {
        LogRows.readChanges(r, c -> keepUpTo(c.at(), at, changes, c));
      }
      try (BufferedReader r = Compressed.reader(i.folder().resolve(LogRows.USAGE))) {
        LogRows.readUsage(r, u -> keepUpTo(u.at(), at, usage, u));
      }
    }
    progress.step(
        "replay of " + changes.size() + " changes and " + usage.size() + " usage events to " + at);
    int c = 0;
    int u = 0;
    while (c < changes.size() || u < usage.size()) {
      boolean changeNext =
          u == usage.size()
              || (c < changes.size() && !changes.get(c).at().isAfter(usage.get(u).at()));
      if (changeNext) {
        replay.apply(changes.get(c++));
      } else {
        replay.apply(usage.get(u++));
      }
    }
    return new Replay(changes.size(), usage.size(), at);
  }

  /**
   * Checks that the replayed store's {@code rows} are {@code baseRows} plus what was replayed, and
   * says so in words (with {@code more} checks passed).
   *
   * @throws BackupException when they are not
   */
  String check(Map<String, Long> baseRows, Map<String, Long> rows, String more) {
    long expectChanges = baseRows.get("changes") + changes;
    long expectUsage = baseRows.get("usage_events") + usage;
    if (rows.get("changes") != expectChanges || rows.get("usage_events") != expectUsage) {
      throw new BackupException(
          "the replayed store holds "
              + rows
              + " rows, expected "
              + expectChanges
              + " changes and "
              + expectUsage
              + " usage events");
    }
    return "replayed "
        + changes
        + " changes and "
        + usage
        + " usage events up to "
        + at
        + more
        + "; rows "
        + rows;
  }

  private static <T> void keepUpTo(Instant t, Instant at, List<T> into, T row) {
    if (!t.isAfter(at)) {
      into.add(row);
    }
  }
}
