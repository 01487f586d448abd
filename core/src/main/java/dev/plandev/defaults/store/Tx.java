package dev.plandev.defaults.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One connection's unit of work with its prepared statements cached by SQL text, so that a batch of
 * a thousand items prepares each statement once.
 */
final class Tx implements AutoCloseable {
  final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final StatementCache cache;
  private final boolean ownsConnection;
  private final Set<String> writtenKeys = new HashSet<>();
  private boolean undo;

  Tx(Connection connection) {
    this(connection, null);
  }

  /** A unit of work whose statements come from {@code cache} (SQLite) when it is not null. */
  Tx(Connection connection, StatementCache cache) {
    this(connection, cache, true);
  }

  private Tx(Connection connection, StatementCache cache, boolean ownsConnection) {
    this.connection = connection;
    this.cache = cache;
    this.ownsConnection = ownsConnection;
  }

  /** A unit of work in the transaction of {@code connection}, which its caller keeps and closes. */
  static Tx borrowing(Connection connection) {
    return new Tx(connection, null, false);
  }

  /**
   * Another unit of work in this one's transaction, with statements of its own (no batch left over
   * by an earlier unit); closing it leaves the connection open.
   */
  Tx share() {
    return new Tx(connection, cache, false);
  }

  /**
   * Asks for this unit's writes to be undone when it returns, its result still standing (an atomic
   * batch with a failed item). Only this unit's: other callers' writes may share the transaction,
   * so a unit never rolls the connection back itself.
   */
  void undo() {
    undo = true;
  }

  boolean undone() {
    return undo;
  }

  /** After a failed transaction: the connection's cached statements are prepared anew. */
  void forgetStatements() {
    if (cache != null) {
      try {
        cache.forget(connection);
      } catch (SQLException ignored) {
        // a connection that cannot even be unwrapped is beyond reuse; the pool will find out
      }
    }
  }

  /** Notes a key this unit wrote, to be announced with its audit rows ({@link WriteNotices}). */
  void wrote(String key) {
    writtenKeys.add(key);
  }

  /** The keys noted since the last call, forgotten here. */
  Set<String> takeWrittenKeys() {
    Set<String> keys = Set.copyOf(writtenKeys);
    writtenKeys.clear();
    return keys;
  }

  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      if (cache != null) {
        ps = cache.prepare(connection, sql);
        // Reused from an earlier unit of work, which may have left a batch it never ran.
        ps.clearBatch();
      } else {
        ps = connection.prepareStatement(sql);
      }
      statements.put(sql, ps);
    }
    return ps;
  }

  /**
   * Closes this unit where a failure to close changes nothing: an uncommitted transaction is rolled
   * back with its connection, and a borrowed connection's statements die with it.
   */
  void closeQuietly() {
    try {
      close();
    } catch (SQLException e) {
      // see above
    }
  }

  @Override
  public void close() throws SQLException {
    SQLException first = null;
    // Cached statements outlive this unit of work; only our own are closed.
    for (PreparedStatement ps :
        cache == null ? statements.values() : java.util.List.<PreparedStatement>of()) {
      try {
        ps.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    try {
      if (ownsConnection) {
        connection.close();
      }
    } catch (SQLException e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw first;
    }
  }
}
