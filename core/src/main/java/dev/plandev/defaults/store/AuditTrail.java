package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.CanonicalJson;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail ({@code changes}): one row per change, appended by the write that made it inside
 * the same transaction, so the trail never misses a change nor records one that was rolled back.
 *
 * <p>Changes to defaults are queued with {@link #append} and written together by {@link #flush}
 * (one JDBC batch for a thousand-item batch); a change to anything else is written at once by
 * {@link #record}.
 */
final class AuditTrail {
  /** The entity of a change to a default. */
  static final String ENTITY = "default_value";

  /** The entity of a change to an API key. */
  static final String API_KEY = "api_key";

  private static final String INSERT =
      "INSERT INTO changes (entity, entity_id, entity_key, operation, old_value, new_value, actor,"
          + " correlation_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Transactions transactions;
  private final WriteNotices notices;

  AuditTrail(Transactions transactions, WriteNotices notices) {
    this.transactions = transactions;
    this.notices = notices;
  }

  /**
   * Queues the audit row of a change to a default; {@code before} is null for a creation, {@code
   * after} for a deletion. Written by the next {@link #flush} of the same transaction.
   */
  void append(Tx tx, String op, DefaultEntry before, DefaultEntry after, Actor actor)
      throws SQLException {
    DefaultEntry subject = after != null ? after : before;
    if (notices.active()) {
      tx.wrote(subject.key());
      if (before != null) {
        tx.wrote(before.key()); // an update may move an entry from another key
      }
    }
    PreparedStatement ps = tx.prepare(INSERT);
    ps.setString(1, ENTITY);
    ps.setLong(2, subject.id());
    ps.setString(3, subject.key());
    ps.setString(4, op);
    ps.setString(5, snapshot(before));
    ps.setString(6, snapshot(after));
    bindWho(ps, actor);
    ps.addBatch();
  }

  /**
   * Writes the rows {@link #append} queued in this transaction, and tells other instances their
   * keys changed (PostgreSQL; they hear it once the transaction commits).
   */
  void flush(Tx tx) throws SQLException {
    tx.prepare(INSERT).executeBatch();
    notices.announce(tx, tx.takeWrittenKeys());
  }

  /**
   * Writes the audit row of a change to something other than a default (an API key, a key
   * rotation); {@code id} is null when the change concerns no single row. Other instances forget
   * every cached answer unless it is an API key's, which no answer holds.
   */
  void record(Tx tx, String entity, Long id, String op, String before, String after, Actor actor)
      throws SQLException {
    if (!API_KEY.equals(entity)) {
      notices.announceEverything(tx);
    }
    PreparedStatement ps = tx.prepare(INSERT);
    ps.setString(1, entity);
    if (id == null) {
      ps.setNull(2, Types.BIGINT);
    } else {
      ps.setLong(2, id);
    }
    ps.setNull(3, Types.VARCHAR);
    ps.setString(4, op);
    ps.setString(5, before);
    ps.setString(6, after);
    bindWho(ps, actor);
    ps.addBatch();
    ps.executeBatch();
  }

  private void bindWho(PreparedStatement ps, Actor actor) throws SQLException {
    ps.setString(7, actor.name());
    ps.setString(8, actor.correlationId());
    ps.setLong(9, transactions.millis());
  }

  /** A page of the trail, newest first, of one key's defaults or (key null) of everything. */
  Page<Change> changes(String key, int page, int limit) {
    if (page < 1 || limit < 1 || limit > ListQuery.MAX_LIMIT) {
      throw new InvalidInputException(
          "page", "page must be 1 or more and limit 1.." + ListQuery.MAX_LIMIT);
    }
    String where = key == null ? "" : " WHERE entity_key = ?";
    return transactions.read(
        "read the audit trail",
        tx -> {
          long total = count(tx, where, key);
          PreparedStatement ps =
              tx.prepare(
                  "SELECT id, entity, entity_id, entity_key, operation, old_value, new_value, actor,"
                      + " correlation_id, changed_at FROM changes"
                      + where
                      + " ORDER BY id DESC LIMIT ? OFFSET ?");
          int i = 1;
          if (key != null) {
            ps.setString(i++, key);
          }
          ps.setInt(i++, limit);
          ps.setLong(i, (long) (page - 1) * limit);
          List<Change> items = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              items.add(read(rs));
            }
          }
          return new Page<>(items, page, limit, total);
        });
  }

  private static long count(Tx tx, String where, String key) throws SQLException {
    PreparedStatement count = tx.prepare("SELECT COUNT(*) FROM changes" + where);
    if (key != null) {
      count.setString(1, key);
    }
    try (ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static Change read(ResultSet rs) throws SQLException {
    long entityId = rs.getLong(3);
    return new Change(
        rs.getLong(1),
        rs.getString(2),
        rs.wasNull() ? null : entityId,
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(9),
        Instant.ofEpochMilli(rs.getLong(10)));
  }

  /**
   * The audit snapshot of a stored entry (secret values stay encrypted), or null. Written by hand:
   * it runs for every row of every batch, and building a map for Jackson was a visible share of
   * batch time. The output is plain JSON that Jackson reads back (key rotation does).
   */
  static String snapshot(DefaultEntry e) {
    if (e == null) {
      return null;
    }
    StringBuilder b = new StringBuilder(192);
    b.append("{\"id\":").append(e.id()).append(",\"key\":");
    CanonicalJson.quote(b, e.key());
    b.append(",\"value\":");
    CanonicalJson.quote(b, e.value());
    b.append(",\"valueType\":\"").append(e.valueType().wireName()).append('"');
    b.append(",\"valueSchema\":");
    if (e.valueSchema() == null) {
      b.append("null");
    } else {
      CanonicalJson.quote(b, e.valueSchema());
    }
    b.append(",\"context\":").append(e.context().toJson());
    b.append(",\"confidence\":").append(e.confidence());
    appendInstant(b, "expiresAt", e.expiresAt());
    b.append(",\"deprecated\":").append(e.deprecated());
    b.append(",\"secret\":").append(e.secret());
    b.append(",\"version\":").append(e.version());
    // The usage figures and times too, so that replaying the trail (a point-in-time restore)
    // rebuilds each row exactly as it was.
    b.append(",\"usageCount\":").append(e.usageCount());
    b.append(",\"successRate\":").append(e.successRate());
    appendInstant(b, "lastUsed", e.lastUsed());
    appendInstant(b, "createdAt", e.createdAt());
    appendInstant(b, "updatedAt", e.updatedAt());
    return b.append('}').toString();
  }

  private static void appendInstant(StringBuilder b, String name, Instant t) {
    b.append(",\"").append(name).append("\":");
    if (t == null) {
      b.append("null");
    } else {
      b.append('"').append(t).append('"');
    }
  }
}
