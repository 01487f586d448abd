package dev.plandev.defaults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's {@code PRAGMA data_version} as seen from a connection of its own: it changes whenever
 * any other connection, in this process or another, commits. The cache uses it to notice writes it
 * was not told about (another process on the same file, without Redis).
 */
final class DataVersionProbe implements AutoCloseable {
  private final Database db;
  private Connection connection;

  DataVersionProbe(Database db) {
    this.db = db;
  }

  /** The current data version, or null on PostgreSQL, which has no such counter. */
  synchronized Long read() {
    if (db.dialect() != Database.Dialect.SQLITE) {
      return null;
    }
    try {
      if (connection == null) {
        connection = db.dedicatedConnection();
      }
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA data_version")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StorageException(
          "cannot read the data version of " + db.description() + ": " + e.getMessage(), e);
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
