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
 * or before the moment asked for, replayed onto the restored full backup in the order they were
 * written (by time; a change before a usage event of the same millisecond; by id within each).
 */
final class Replay {
  private Replay() {}

  /**
   * Replays {@code increments} up to {@code at} onto the store of {@code staged}, checks its
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
    try (LogReplay replay = LogReplay.open(staged)) {
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
      replay.commit();
    }
    SqliteFile file = new SqliteFile(staged.resolve(staged.sqlite().path()).toAbsolutePath());
    String integrity = file.integrityCheck();
    if (!"ok".equals(integrity)) {
      throw new BackupException("the replayed store fails its integrity check: " + integrity);
    }
    Map<String, Long> rows = file.rowCounts();
    long expectChanges = baseRows.get("changes") + changes.size();
    long expectUsage = baseRows.get("usage_events") + usage.size();
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
    return List.of(
        "replayed "
            + changes.size()
            + " changes and "
            + usage.size()
            + " usage events up to "
            + at
            + "; integrity check: ok; rows "
            + rows);
  }

  private static <T> void keepUpTo(Instant t, Instant at, List<T> into, T row) {
    if (!t.isAfter(at)) {
      into.add(row);
    }
  }
}
