package dev.plandev.defaults.store;

import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.StoreStats;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The store's upkeep: checking the database's integrity, compacting it, counting its rows, checking
 * that it answers.
 */
final class StoreUpkeep {
  private static final String[] TABLES = {"default_values", "changes", "usage_events", "api_keys"};

  private final Transactions transactions;
  private final StoreCondition condition;
  private final String where;

  StoreUpkeep(Transactions transactions, StoreCondition condition, String where) {
    this.transactions = transactions;
    this.condition = condition;
    this.where = where;
  }

  /**
   * Checks the SQLite file's structure ({@link IntegrityCheck}) and records the result for {@code
   * /health}; PostgreSQL checks its own pages and is left alone.
   *
   * @param thorough {@code integrity_check} rather than the faster {@code quick_check}
   * @return whether the database is sound (true on PostgreSQL)
   */
  boolean checkIntegrity(boolean thorough) {
    if (transactions.dialect() != Database.Dialect.SQLITE) {
      return true;
    }
    List<String> problems =
        transactions.read(
            "check the database's integrity", tx -> IntegrityCheck.run(tx.connection, thorough));
    condition.checked(where, problems);
    return problems.isEmpty();
  }

  /** The ids the store has handed out so far, for its {@link HighWaterMark} (SQLite only). */
  HighWaterMark.Level level() {
    return transactions.read(
        "read how much the database holds",
        tx -> {
          try (ResultSet rs = tx.prepare("SELECT name, seq FROM sqlite_sequence").executeQuery()) {
            return HighWaterMark.level(rs);
          }
        });
  }

  /**
   * Checks the database's integrity, then compacts and re-indexes it: SQLite {@code VACUUM} and
   * {@code REINDEX} after a WAL checkpoint, PostgreSQL {@code VACUUM ANALYZE}. Neither may run
   * inside a transaction. A damaged SQLite file is not compacted: {@code VACUUM} rewrites every
   * page and could lose what a damaged page still holds.
   *
   * @throws StorageException when the integrity check finds damage
   */
  void maintain() {
    if (!checkIntegrity(true)) {
      throw new StorageException(
          condition.health().integrity().detail() + " (maintenance skipped)");
    }
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
