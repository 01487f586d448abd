package dev.plandev.defaults.backup;

import dev.plandev.defaults.store.LogReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQLite database file read directly, outside the store: the snapshot of a live one, and the
 * facts a manifest records and a restore checks (row counts, last ids, schema version, key ids,
 * integrity).
 */
final class SqliteFile {
  /** The tables a backup counts, in the order the manifest lists them. */
  static final List<String> TABLES =
      List.of("default_values", "changes", "usage_events", "api_keys");

  private static final Pattern KEY_ID = Pattern.compile("enc:v1:([0-9a-f]{8}):");

  private final Path file;

  SqliteFile(Path file) {
    this.file = file;
  }

  private Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = 10000");
    }
    return c;
  }

  /**
   * Writes a consistent copy of this live database to {@code target} with {@code VACUUM INTO}: one
   * read transaction, so writers (in WAL mode) go on while it runs and the copy holds exactly the
   * transactions committed before it began.
   */
  void snapshotTo(Path target) throws SQLException {
    try (Connection c = open();
        PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
      ps.setString(1, target.toAbsolutePath().toString());
      ps.execute();
    }
  }

  /**
   * Passes every change after id {@code afterChange} and every usage event after {@code afterUsage}
   * of this live database to {@code sink}, both read in one read transaction so that they show the
   * same moment.
   */
  void readLog(long afterChange, long afterUsage, LogReader.Sink sink)
      throws SQLException, java.io.IOException {
    try (Connection c = open()) {
      c.setAutoCommit(false);
      LogReader.read(c, afterChange, afterUsage, sink);
      c.commit();
    }
  }

  /** Rows of each of {@link #TABLES}. */
  Map<String, Long> rowCounts() throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = open();
        Statement s = c.createStatement()) {
      for (String table : TABLES) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          rows.put(table, rs.getLong(1));
        }
      }
    }
    return rows;
  }

  /** The last id handed out to the audit trail and to usage events (never reused). */
  Map<String, Long> lastIds() throws SQLException {
    Map<String, Long> ids = new LinkedHashMap<>();
    ids.put("changes", 0L);
    ids.put("usage_events", 0L);
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, seq FROM sqlite_sequence")) {
      while (rs.next()) {
        if (ids.containsKey(rs.getString(1))) {
          ids.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    return ids;
  }

  /** The time of the oldest change, or null when the trail is empty. */
  Instant oldestChange() throws SQLException {
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MIN(changed_at) FROM changes")) {
      rs.next();
      long t = rs.getLong(1);
      return rs.wasNull() ? null : Instant.ofEpochMilli(t);
    }
  }

  /** The newest schema version the database's migration history records as applied. */
  int schemaVersion() throws SQLException {
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL")) {
      int max = 0;
      while (rs.next()) {
        max = Math.max(max, Integer.parseInt(rs.getString(1)));
      }
      return max;
    }
  }

  /** Ids of the keys that encrypted the secrets in entries and in the audit trail. */
  List<String> keyIds() throws SQLException {
    TreeSet<String> ids = new TreeSet<>();
    try (Connection c = open();
        Statement s = c.createStatement()) {
      collect(s, "SELECT value FROM default_values WHERE is_secret", ids);
      collect(
          s,
          "SELECT old_value FROM changes WHERE old_value LIKE '%enc:v1:%'"
              + " UNION ALL SELECT new_value FROM changes WHERE new_value LIKE '%enc:v1:%'",
          ids);
    }
    return List.copyOf(ids);
  }

  private static void collect(Statement s, String sql, TreeSet<String> ids) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        keyIdsIn(rs.getString(1), ids);
      }
    }
  }

  /**
   * Adds the ids of the keys of the encrypted tokens in {@code text} (may be null) to {@code ids}.
   */
  static void keyIdsIn(String text, java.util.Set<String> ids) {
    if (text != null) {
      Matcher m = KEY_ID.matcher(text);
      while (m.find()) {
        ids.add(m.group(1));
      }
    }
  }

  /** Keys and contexts of up to {@code n} live entries spread over the table, oldest first. */
  List<String[]> sampleKeys(int n) throws SQLException {
    try (Connection c = open()) {
      return SnapshotStore.sampleKeys(c, n);
    }
  }

  /** The result of {@code PRAGMA integrity_check}: {@code ok}, or the first problems it found. */
  String integrityCheck() throws SQLException {
    try (Connection c = open();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check(20)")) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(out.length() == 0 ? "" : "; ").append(rs.getString(1));
      }
      return out.toString();
    }
  }
}
