package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.ValueType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * The {@code default_values} table: its rows read as entries and written from them, by id or by key
 * and context. Values are as stored (a secret's is its encrypted token); see {@link StoredForm}.
 */
final class EntryRows {
  static final String COLUMNS =
      "id, key, value, value_type, value_schema, context, context_size, confidence, usage_count,"
          + " success_rate, last_used, created_at, updated_at, expires_at, is_deprecated,"
          + " is_secret, version";
  static final String INSERT =
      "INSERT INTO default_values (key, value, value_type, value_schema, context, context_size,"
          + " confidence, usage_count, success_rate, last_used, created_at, updated_at,"
          + " expires_at, is_deprecated, is_secret, version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
  static final String UPDATE =
      "UPDATE default_values SET key = ?, value = ?, value_type = ?, value_schema = ?,"
          + " context = ?, context_size = ?, confidence = ?, usage_count = ?, success_rate = ?,"
          + " last_used = ?, created_at = ?, updated_at = ?, expires_at = ?, is_deprecated = ?,"
          + " is_secret = ?, version = ? WHERE id = ?";

  /**
   * Contexts repeat across rows (a few projects and environments), and parsing JSON was most of the
   * cost of a resolve; a bounded table of parsed contexts removes it.
   */
  static final ContextTable CONTEXTS = new ContextTable(8192);

  private EntryRows() {}

  /** Reads the row as stored: a secret's value is still its encrypted token. */
  static DefaultEntry read(ResultSet rs) throws SQLException {
    return new DefaultEntry(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        ValueType.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
        rs.getString(5),
        CONTEXTS.parse(rs.getString(6)),
        rs.getDouble(8),
        rs.getLong(9),
        rs.getDouble(10),
        instant(rs, 11),
        instant(rs, 12),
        instant(rs, 13),
        instant(rs, 14),
        rs.getBoolean(15),
        rs.getBoolean(16),
        rs.getLong(17));
  }

  /** The stored row with this id, or null. */
  static DefaultEntry select(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.prepare("SELECT " + COLUMNS + " FROM default_values WHERE id = ?");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? read(rs) : null;
    }
  }

  /** The stored row of this key and exact context, or null. */
  static DefaultEntry select(Tx tx, String key, Context context) throws SQLException {
    PreparedStatement ps =
        tx.prepare("SELECT " + COLUMNS + " FROM default_values WHERE key = ? AND context = ?");
    ps.setString(1, key);
    ps.setString(2, context.toJson());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? read(rs) : null;
    }
  }

  /** Inserts a new row; returns the entry with the id the database gave it. */
  static DefaultEntry insert(Tx tx, DefaultEntry e) throws SQLException {
    PreparedStatement ps = tx.prepare(INSERT);
    bind(ps, e);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return withId(e, rs.getLong(1));
    }
  }

  /** Overwrites every stored field of row {@code e.id()}. */
  static void update(Tx tx, DefaultEntry e) throws SQLException {
    PreparedStatement ps = tx.prepare(UPDATE);
    int next = bind(ps, e);
    ps.setLong(next, e.id());
    ps.executeUpdate();
  }

  static void delete(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.prepare("DELETE FROM default_values WHERE id = ?");
    ps.setLong(1, id);
    ps.executeUpdate();
  }

  static DefaultEntry withId(DefaultEntry e, long id) {
    return new DefaultEntry(
        id,
        e.key(),
        e.value(),
        e.valueType(),
        e.valueSchema(),
        e.context(),
        e.confidence(),
        e.usageCount(),
        e.successRate(),
        e.lastUsed(),
        e.createdAt(),
        e.updatedAt(),
        e.expiresAt(),
        e.deprecated(),
        e.secret(),
        e.version());
  }

  /** Binds all stored fields from parameter 1; returns the next free parameter index. */
  static int bind(PreparedStatement ps, DefaultEntry e) throws SQLException {
    ps.setString(1, e.key());
    ps.setString(2, e.value());
    ps.setString(3, e.valueType().wireName());
    ps.setString(4, e.valueSchema());
    ps.setString(5, e.context().toJson());
    ps.setInt(6, e.context().size());
    ps.setDouble(7, e.confidence());
    ps.setLong(8, e.usageCount());
    ps.setDouble(9, e.successRate());
    setInstant(ps, 10, e.lastUsed());
    setInstant(ps, 11, e.createdAt());
    setInstant(ps, 12, e.updatedAt());
    setInstant(ps, 13, e.expiresAt());
    ps.setBoolean(14, e.deprecated());
    ps.setBoolean(15, e.secret());
    ps.setLong(16, e.version());
    return 17;
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  static void setInstant(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, at.toEpochMilli());
    }
  }

  static ExportedDefault export(DefaultEntry e) {
    return new ExportedDefault(
        e.key(),
        e.value(),
        e.valueType().wireName(),
        e.valueSchema(),
        e.context().toJson(),
        e.confidence(),
        e.usageCount(),
        e.successRate(),
        e.lastUsed(),
        e.createdAt(),
        e.updatedAt(),
        e.expiresAt(),
        e.deprecated(),
        e.secret(),
        e.version());
  }
}
