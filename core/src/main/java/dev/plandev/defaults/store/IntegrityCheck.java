package dev.plandev.defaults.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's own check of a database file's structure: {@code PRAGMA quick_check} (pages, cells, free
 * list; linear in the file's size) when the store opens, {@code PRAGMA integrity_check} (also
 * indexes against their tables) on the maintenance schedule. Either finds pages overwritten with
 * garbage that no query may have touched yet.
 */
final class IntegrityCheck {
  /** At most this many problems are reported: the first ones say enough. */
  static final int MAX_PROBLEMS = 5;

  private IntegrityCheck() {}

  /** The problems of the database behind {@code c}; empty when it is sound. */
  static List<String> run(Connection c, boolean thorough) {
    String pragma =
        (thorough ? "PRAGMA integrity_check(" : "PRAGMA quick_check(") + MAX_PROBLEMS + ")";
    List<String> problems = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(pragma)) {
      while (rs.next()) {
        String line = rs.getString(1);
        if (!"ok".equals(line)) {
          problems.add(line);
        }
      }
    } catch (SQLException e) {
      // A file damaged enough fails the check itself ("database disk image is malformed").
      problems.add(plainWords(Database.rootMessage(e)));
    }
    return problems;
  }

  /**
   * SQLite's text without the driver's code, which tells a person nothing: {@code [SQLITE_CORRUPT]
   * The database disk image is malformed (database disk image is malformed)} reads {@code database
   * disk image is malformed}.
   */
  static String plainWords(String message) {
    String text = message.replaceFirst("^\\[SQLITE_[A-Z_]+\\]\\s*", "");
    int open = text.lastIndexOf(" (");
    if (open > 0 && text.endsWith(")")) {
      String summary = text.substring(0, open);
      String detail = text.substring(open + 2, text.length() - 1);
      if (summary.equalsIgnoreCase(detail)) {
        return detail;
      }
    }
    return text;
  }
}
