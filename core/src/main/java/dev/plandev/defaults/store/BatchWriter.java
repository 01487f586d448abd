package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row work of one batch inside its transaction, shaped for throughput.
 *
 * <p>Reading: the existing rows of every key in the batch are fetched with a few {@code IN} queries
 * instead of one lookup per item. Writing: ids are reserved up front (SQLite: past its
 * AUTOINCREMENT sequence, which nobody else can move while this IMMEDIATE transaction holds the
 * write lock; PostgreSQL: from the id sequence), so new rows go to the database in one JDBC batch
 * instead of one {@code INSERT … RETURNING} round trip each. A queued insert is flushed before any
 * update or delete of that row, so statements keep their item order.
 */
final class BatchWriter {
  private static final int CHUNK = 500;
  static final String INSERT_WITH_ID =
      "INSERT INTO default_values (key, value, value_type, value_schema, context, context_size,"
          + " confidence, usage_count, success_rate, last_used, created_at, updated_at,"
          + " expires_at, is_deprecated, is_secret, version, id)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Tx tx;
  private final Database.Dialect dialect;
  private final ArrayDeque<Long> reserved = new ArrayDeque<>();
  private final Set<Long> queued = new HashSet<>();
  private long nextSqliteId = -1;
  private int queuedCount;

  BatchWriter(Tx tx, Database.Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  /** The stored rows of these specs' keys and contexts, by slot (see {@link #slot}). */
  Map<String, DefaultEntry> prefetch(List<DefaultSpec> specs) throws SQLException {
    Set<String> keys = new LinkedHashSet<>();
    for (DefaultSpec s : specs) {
      if (s != null) {
        keys.add(s.key());
      }
    }
    Map<String, DefaultEntry> found = new HashMap<>();
    List<String> all = new ArrayList<>(keys);
    for (int from = 0; from < all.size(); from += CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
      PreparedStatement ps =
          tx.prepare(
              "SELECT "
                  + EntryRows.COLUMNS
                  + " FROM default_values WHERE key IN ("
                  + "?,".repeat(chunk.size() - 1)
                  + "?)");
      for (int i = 0; i < chunk.size(); i++) {
        ps.setString(i + 1, chunk.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          DefaultEntry e = EntryRows.read(rs);
          found.put(slot(e.key(), e.context()), e);
        }
      }
    }
    return found;
  }

  static String slot(String key, Context context) {
    return key + '\u0000' + context.toJson();
  }

  /** Reserves ids for about {@code expected} new rows (more are fetched on demand). */
  void reserve(int expected) throws SQLException {
    if (expected <= 0) {
      return;
    }
    if (dialect == Database.Dialect.SQLITE) {
      try (ResultSet rs =
          tx.prepare(
                  "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence"
                      + " WHERE name = 'default_values'), 0),"
                      + " COALESCE((SELECT MAX(id) FROM default_values), 0))")
              .executeQuery()) {
        rs.next();
        nextSqliteId = rs.getLong(1) + 1;
      }
      return;
    }
    PreparedStatement ps =
        tx.prepare(
            "SELECT nextval(pg_get_serial_sequence('default_values', 'id'))"
                + " FROM generate_series(1, ?)");
    ps.setInt(1, expected);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        reserved.add(rs.getLong(1));
      }
    }
  }

  private long nextId() throws SQLException {
    if (dialect == Database.Dialect.SQLITE) {
      if (nextSqliteId < 0) {
        reserve(1);
      }
      return nextSqliteId++;
    }
    if (reserved.isEmpty()) {
      reserve(16);
    }
    return reserved.removeFirst();
  }

  /** Queues a new row; returns it with its id. */
  DefaultEntry insert(DefaultEntry e) throws SQLException {
    DefaultEntry withId = EntryRows.withId(e, nextId());
    PreparedStatement ps = tx.prepare(INSERT_WITH_ID);
    int next = EntryRows.bind(ps, withId);
    ps.setLong(next, withId.id());
    ps.addBatch();
    queued.add(withId.id());
    queuedCount++;
    return withId;
  }

  /** Call before an update or delete of row {@code id}: its queued insert must land first. */
  void beforeChanging(long id) throws SQLException {
    if (queued.contains(id)) {
      flush();
    }
  }

  void flush() throws SQLException {
    if (queuedCount > 0) {
      tx.prepare(INSERT_WITH_ID).executeBatch();
      queued.clear();
      queuedCount = 0;
    }
  }
}
