package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.UsageEvent;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the audit trail and the usage events past given ids on a connection of its caller, in id
 * order: what an incremental backup copies. Rows are read as the store reads them.
 */
public final class LogReader {
  private LogReader() {}

  /** Receives the rows read. */
  public interface Sink {
    void change(Change c) throws IOException;

    void usage(UsageEvent u) throws IOException;
  }

  /**
   * Passes every change after id {@code afterChange}, then every usage event after {@code
   * afterUsage}, to {@code sink}; run it in one transaction for rows of one moment.
   */
  public static void read(Connection c, long afterChange, long afterUsage, Sink sink)
      throws SQLException, IOException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, entity, entity_id, entity_key, operation, old_value, new_value, actor,"
                + " correlation_id, changed_at FROM changes WHERE id > ? ORDER BY id")) {
      ps.setLong(1, afterChange);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.change(AuditTrail.read(rs));
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, key, context, value, outcome, suggested, occurred_at, source"
                + " FROM usage_events WHERE id > ? ORDER BY id")) {
      ps.setLong(1, afterUsage);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.usage(UsageLog.read(rs));
        }
      }
    }
  }
}
