package dev.plandev.defaults.store;

import dev.plandev.defaults.security.Fingerprint;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * On PostgreSQL, how a write tells the other instances on the same schema which keys it wrote: a
 * {@code NOTIFY} on the schema's channel, sent inside the writing transaction. PostgreSQL delivers
 * it only once that transaction commits, and drops it with a rolled-back savepoint, so listeners
 * ({@link PostgresWriteFeed}) never hear of a write that did not happen. On SQLite it does nothing:
 * {@link SqliteWriteFeed} reads the written keys from the tables.
 *
 * <p>A payload lists keys separated by spaces (a key has none); {@link #EVERYTHING} means a write
 * that cannot be told by key (a key rotation, or more than {@link WriteFeed#MAX_ROWS} keys).
 */
final class WriteNotices {
  /** The payload of a write that may have changed any key; no key is spelled so. */
  static final String EVERYTHING = "*";

  /** PostgreSQL refuses payloads of 8000 bytes and more; keys are ASCII. */
  static final int MAX_PAYLOAD = 7_900;

  /** PostgreSQL truncates identifiers, channel names included, to 63 bytes. */
  private static final int MAX_CHANNEL = 63;

  private static final String NOTIFY = "SELECT pg_notify(?, p) FROM unnest(?) AS p";

  private final String channel;

  /** Notices on {@code channel}, or none when it is null (SQLite). */
  WriteNotices(String channel) {
    this.channel = channel;
  }

  static WriteNotices of(Database db) {
    return new WriteNotices(
        db.dialect() == Database.Dialect.POSTGRESQL ? channel(db.schema()) : null);
  }

  /**
   * The channel of a schema: one per schema, so that deployments sharing a database do not
   * invalidate each other's caches; a schema too long for a channel name is named by its digest.
   */
  static String channel(String schema) {
    String name = "plandev:" + schema;
    if (name.length() <= MAX_CHANNEL) {
      return name;
    }
    return "plandev:" + Fingerprint.sha256Hex(schema.getBytes(StandardCharsets.UTF_8), 16);
  }

  /** Whether writes should be announced at all (PostgreSQL). */
  boolean active() {
    return channel != null;
  }

  /** Announces {@code keys} as written by {@code tx}'s transaction once it commits. */
  void announce(Tx tx, Collection<String> keys) throws SQLException {
    if (channel == null || keys.isEmpty()) {
      return;
    }
    List<String> payloads =
        keys.size() > WriteFeed.MAX_ROWS || keys.contains(EVERYTHING)
            ? List.of(EVERYTHING)
            : payloads(keys);
    PreparedStatement ps = tx.prepare(NOTIFY);
    ps.setString(1, channel);
    Array array = tx.connection.createArrayOf("text", payloads.toArray());
    ps.setArray(2, array);
    try (ResultSet ignored = ps.executeQuery()) {
      // pg_notify returns nothing worth reading; running the query is what sends the notices
    } finally {
      array.free();
    }
  }

  /** Announces a write that may have changed any key. */
  void announceEverything(Tx tx) throws SQLException {
    announce(tx, Set.of(EVERYTHING));
  }

  /** The keys joined by spaces into as few payloads as fit. */
  static List<String> payloads(Collection<String> keys) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (String key : keys) {
      if (b.length() > 0 && b.length() + 1 + key.length() > MAX_PAYLOAD) {
        out.add(b.toString());
        b.setLength(0);
      }
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(key);
    }
    if (b.length() > 0) {
      out.add(b.toString());
    }
    return out;
  }
}
