package dev.plandev.defaults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection's unit of work with its prepared statements cached by SQL text, so that a batch of
 * a thousand items prepares each statement once.
 */
final class Tx implements AutoCloseable {
  final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  Tx(Connection connection) {
    this.connection = connection;
  }

  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    try {
      connection.close();
    } catch (SQLException e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw first;
    }
  }
}
