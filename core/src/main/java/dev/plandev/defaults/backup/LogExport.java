package dev.plandev.defaults.backup;

import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.store.LogReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of the audit trail and of the usage events past the last ids of an earlier backup, and
 * their two files in a backup: the whole of an incremental backup, and in a full backup the link
 * from the backup before it (so that a point-in-time restore can cross a full backup).
 */
final class LogExport {
  private final List<Change> changes = new ArrayList<>();
  private final List<UsageEvent> usage = new ArrayList<>();
  private final long afterChanges;
  private final long afterUsage;

  private LogExport(long afterChanges, long afterUsage) {
    this.afterChanges = afterChanges;
    this.afterUsage = afterUsage;
  }

  /** The rows of {@code file} past the last ids of {@code base}, read in one transaction. */
  static LogExport read(SqliteFile file, Manifest base) throws SQLException, IOException {
    LogExport x = new LogExport(base.lastIds().get("changes"), base.lastIds().get("usage_events"));
    file.readLog(x.afterChanges, x.afterUsage, x.sink());
    return x;
  }

  /**
   * The rows past the last ids of {@code base} read on {@code c}, in the caller's transaction (on
   * PostgreSQL a repeatable-read one on the store's schema, so that they show one moment).
   */
  static LogExport read(Connection c, Manifest base) throws SQLException, IOException {
    LogExport x = new LogExport(base.lastIds().get("changes"), base.lastIds().get("usage_events"));
    LogReader.read(c, x.afterChanges, x.afterUsage, x.sink());
    return x;
  }

  private LogReader.Sink sink() {
    return new LogReader.Sink() {
      @Override
      public void change(Change c) {
        changes.add(c);
      }

      @Override
      public void usage(UsageEvent u) {
        usage.add(u);
      }
    };
  }

  int changes() {
    return changes.size();
  }

  int usageEvents() {
    return usage.size();
  }

  long lastChangeId() {
    return changes.isEmpty() ? afterChanges : changes.get(changes.size() - 1).id();
  }

  long lastUsageId() {
    return usage.isEmpty() ? afterUsage : usage.get(usage.size() - 1).id();
  }

  /** Adds the ids of the keys that encrypted secrets in these rows to {@code ids}. */
  void keyIds(Set<String> ids) {
    for (Change c : changes) {
      SqliteFile.keyIdsIn(c.oldValue(), ids);
      SqliteFile.keyIdsIn(c.newValue(), ids);
    }
  }

  /** Writes the two compressed files into {@code folder}. */
  List<Manifest.FileEntry> write(Path folder, int level) throws IOException {
    return List.of(
        Compressed.write(
            folder.resolve(LogRows.CHANGES),
            level,
            LogRows.CHANGES,
            out -> {
              for (Change c : changes) {
                LogRows.write(out, c);
              }
            }),
        Compressed.write(
            folder.resolve(LogRows.USAGE),
            level,
            LogRows.USAGE,
            out -> {
              for (UsageEvent u : usage) {
                LogRows.write(out, u);
              }
            }));
  }
}
