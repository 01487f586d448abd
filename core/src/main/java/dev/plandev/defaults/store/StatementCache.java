package dev.plandev.defaults.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Prepared statements kept per physical SQLite connection across transactions.
 *
 * <p>Neither HikariCP nor sqlite-jdbc caches statements, and preparing (parsing and planning) the
 * SQL was most of the cost of a resolve. Statements are prepared on the unwrapped connection so
 * that the pool does not close them when the connection is returned; the pool never retires SQLite
 * connections (no max lifetime), so the cache is bounded by pool size times statements, and each
 * connection's map is used by one thread at a time, like the connection itself.
 */
final class StatementCache implements AutoCloseable {
  private static final int PER_CONNECTION = 64;
  private final Map<SQLiteConnection, Map<String, PreparedStatement>> byConnection =
      new ConcurrentHashMap<>();

  PreparedStatement prepare(Connection pooled, String sql) throws SQLException {
    SQLiteConnection physical = pooled.unwrap(SQLiteConnection.class);
    Map<String, PreparedStatement> statements =
        byConnection.computeIfAbsent(physical, c -> new HashMap<>());
    PreparedStatement ps = statements.get(sql);
    if (ps == null || ps.isClosed()) {
      if (statements.size() >= PER_CONNECTION) {
        // Dynamic SQL (filters, IN lists of many sizes) would grow the map without bound.
        closeAll(statements);
      }
      ps = physical.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  /**
   * Drops the statements of {@code pooled}'s connection after a failed transaction: once SQLite has
   * rolled back on a full disk or an I/O error, the driver has finalized them, and reusing one
   * fails every later write on the connection ("statement is not executing") after the disk is
   * fixed.
   */
  void forget(Connection pooled) throws SQLException {
    Map<String, PreparedStatement> statements =
        byConnection.remove(pooled.unwrap(SQLiteConnection.class));
    if (statements != null) {
      closeAll(statements);
    }
  }

  private static void closeAll(Map<String, PreparedStatement> statements) {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing a statement of a connection that is going away; nothing to do
      }
    }
    statements.clear();
  }

  @Override
  public void close() {
    byConnection.values().forEach(StatementCache::closeAll);
    byConnection.clear();
  }
}
