package dev.plandev.defaults.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.plandev.defaults.model.StorageException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * The keys written to a SQLite file since the last look, by any connection in this process or
 * another: read from the audit trail ({@code changes}) and {@code usage_events}, which every write
 * appends to in its transaction. SQLite's {@code PRAGMA data_version}, which moves on any other
 * connection's commit, saves the two queries while nothing was written.
 *
 * <p>The cache uses it without Redis to forget what another process changed, key by key, instead of
 * emptying itself whenever anyone (itself included) wrote.
 */
final class SqliteWriteFeed implements WriteFeed {
  private static final JsonFactory JSON = new JsonFactory();

  private final Database db;
  private Connection connection;
  private long dataVersion = Long.MIN_VALUE;
  private long lastChange;
  private long lastUsage;

  SqliteWriteFeed(Database db) {
    this.db = db;
  }

  /**
   * The keys written since the previous call (none on the first), or null when they cannot be told
   * apart: more than {@link #MAX_ROWS} rows, or a write that names no key (a key rotation).
   */
  @Override
  public synchronized Set<String> writtenKeys() {
    try {
      if (connection == null) {
        connection = db.dedicatedConnection();
      }
      long version = single("PRAGMA data_version");
      if (dataVersion == Long.MIN_VALUE) {
        dataVersion = version;
        lastChange = single("SELECT COALESCE(MAX(id), 0) FROM changes");
        lastUsage = single("SELECT COALESCE(MAX(id), 0) FROM usage_events");
        return Set.of();
      }
      if (version == dataVersion) {
        return Set.of();
      }
      dataVersion = version;
      Set<String> keys = new HashSet<>();
      boolean changes = changedKeys(keys);
      boolean usage = usedKeys(keys); // read even when changes overflowed: it moves its own id
      boolean complete = changes && usage;
      return complete ? keys : null;
    } catch (SQLException e) {
      close(); // a broken connection is opened anew on the next look
      throw new StorageException(
          "cannot read the recent writes of " + db.description() + ": " + e.getMessage(), e);
    }
  }

  /** Adds the keys of new audit rows; false when some row names no key or there were too many. */
  private boolean changedKeys(Set<String> keys) throws SQLException {
    boolean complete = true;
    int rows = 0;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, entity, entity_key, operation, old_value FROM changes WHERE id > ?"
                + " ORDER BY id LIMIT "
                + (MAX_ROWS + 1))) {
      ps.setLong(1, lastChange);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          lastChange = rs.getLong(1);
          String key = rs.getString(3);
          if (key == null) {
            // Not about one default: an API key changes nothing cached, anything else might.
            complete &= AuditTrail.API_KEY.equals(rs.getString(2));
            continue;
          }
          keys.add(key);
          if ("update".equals(rs.getString(4))) {
            // An update may have moved the entry from another key, which changed too.
            String before = keyOf(rs.getString(5));
            if (before == null) {
              complete = false;
            } else {
              keys.add(before);
            }
          }
        }
      }
    }
    if (rows > MAX_ROWS) {
      lastChange = single("SELECT COALESCE(MAX(id), 0) FROM changes");
      return false;
    }
    return complete;
  }

  /** Adds the keys of new usage events (feedback changes predictions and usage figures). */
  private boolean usedKeys(Set<String> keys) throws SQLException {
    int rows = 0;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT id, key FROM usage_events WHERE id > ? ORDER BY id LIMIT " + (MAX_ROWS + 1))) {
      ps.setLong(1, lastUsage);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
          lastUsage = rs.getLong(1);
          keys.add(rs.getString(2));
        }
      }
    }
    if (rows > MAX_ROWS) {
      lastUsage = single("SELECT COALESCE(MAX(id), 0) FROM usage_events");
      return false;
    }
    return true;
  }

  /** The {@code key} field of an audit snapshot, or null when it has none. */
  private static String keyOf(String snapshot) {
    if (snapshot == null) {
      return null;
    }
    try (JsonParser p = JSON.createParser(snapshot)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("key")) {
          return value == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        p.skipChildren();
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }

  private long single(String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the database closes next anyway
      }
      connection = null;
    }
  }
}
