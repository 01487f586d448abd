package dev.plandev.defaults.store;

import dev.plandev.defaults.model.CanonicalJson;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.ValueType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Maps {@code default_values} rows to entries and entries to audit snapshots. */
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
    b.append(",\"expiresAt\":");
    if (e.expiresAt() == null) {
      b.append("null");
    } else {
      b.append('"').append(e.expiresAt()).append('"');
    }
    b.append(",\"deprecated\":").append(e.deprecated());
    b.append(",\"secret\":").append(e.secret());
    b.append(",\"version\":").append(e.version()).append('}');
    return b.toString();
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
