package dev.plandev.defaults.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration of this build applied, read with one query on
 * Flyway's history table. Opening the store asks this first because Flyway's own check (loading its
 * classes, scanning the classpath, validating) costs a short command about a quarter of a second
 * (issue 6); anything but a plainly current schema is left to Flyway.
 */
final class SchemaVersion {
  /**
   * The version of the newest migration under {@code db/migration}; {@code SchemaVersionTest} fails
   * when a migration is added without raising it.
   */
  static final int LATEST = 2;

  private static final String HISTORY = "flyway_schema_history";

  private SchemaVersion() {}

  /**
   * True when the history in {@code schema} (null: the connection's default) records versions 1 to
   * {@link #LATEST}, each once, and no failed migration; false in every other case, including a
   * missing history table or one that cannot be read.
   */
  static boolean isCurrent(DataSource dataSource, String schema) {
    String table = schema == null ? HISTORY : '"' + schema.replace("\"", "\"\"") + "\"." + HISTORY;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT version, success FROM " + table)) {
      Set<Integer> applied = new HashSet<>();
      while (rows.next()) {
        String version = rows.getString(1);
        if (!rows.getBoolean(2)) {
          return false;
        }
        if (version != null && !applied.add(Integer.parseInt(version))) {
          return false;
        }
      }
      for (int v = 1; v <= LATEST; v++) {
        if (!applied.remove(v)) {
          return false;
        }
      }
      return applied.isEmpty();
    } catch (SQLException | NumberFormatException e) {
      return false;
    }
  }
}
