package dev.plandev.defaults.store;

import dev.plandev.defaults.model.StoreStats;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

/** The store's upkeep: compacting the database, counting its rows, checking that it answers. */
final class StoreUpkeep {
  private static final String[] TABLES = {"default_values", "changes", "usage_events", "api_keys"};

  private final Transactions transactions;

  StoreUpkeep(Transactions transactions) {
    this.transactions = transactions;
  }

  /**
   * Compacts and re-indexes the database: SQLite {@code VACUUM} and {@code REINDEX} after a WAL
   * checkpoint, PostgreSQL {@code VACUUM ANALYZE}. Neither may run inside a transaction.
   */
  void maintain() {
    transactions.alone(
        "maintain the database",
        tx -> {
          try (Statement s = tx.connection.createStatement()) {
            if (transactions.dialect() == Database.Dialect.SQLITE) {
              s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
              s.execute("VACUUM");
              s.execute("REINDEX");
            } else {
              for (String table : TABLES) {
                s.execute("VACUUM ANALYZE " + table);
              }
            }
          }
          return null;
        });
  }

  /** Counts for the stats endpoint. */
  StoreStats stats() {
    return transactions.read(
        "count entries",
        tx -> {
          PreparedStatement ps =
              tx.prepare(
                  "SELECT (SELECT COUNT(*) FROM default_values),"
                      + " (SELECT COUNT(*) FROM default_values WHERE is_deprecated = FALSE"
                      + " AND (expires_at IS NULL OR expires_at > ?)),"
                      + " (SELECT COUNT(*) FROM default_values WHERE is_secret = TRUE),"
                      + " (SELECT COUNT(*) FROM changes), (SELECT COUNT(*) FROM usage_events)");
          ps.setLong(1, transactions.millis());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new StoreStats(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
          }
        });
  }

  /** Round-trip time of a trivial query, for health checks; throws when the database is down. */
  Duration ping() {
    long start = System.nanoTime();
    transactions.read(
        "check the database",
        tx -> {
          try (ResultSet rs = tx.prepare("SELECT 1").executeQuery()) {
            return rs.next();
          }
        });
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
