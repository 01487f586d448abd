package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The PostgreSQL twin of {@link ServiceLock}: a running service holds a shared session-level
 * advisory lock on its schema, so that a restore (which needs it exclusive) never replaces the
 * store under it. PostgreSQL releases it when the session ends, however the service ends.
 */
public final class SchemaLock implements AutoCloseable {
  private final Connection session;

  private SchemaLock(Connection session) {
    this.session = session;
  }

  /**
   * Takes a share of the lock of the schema of {@code config} for a service, on a connection held
   * until {@link #close()}; nothing when the store is not on PostgreSQL.
   *
   * @throws BackupException when PostgreSQL cannot be reached
   */
  public static SchemaLock acquire(PlandevConfig config) {
    PostgresSettings pg = config.postgres();
    if (!pg.enabled()) {
      return new SchemaLock(null);
    }
    try {
      Connection c =
          DriverManager.getConnection(
              pg.url(), pg.user(), pg.password().isEmpty() ? null : pg.password());
      try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock_shared(?)")) {
        ps.setLong(1, key(pg.schema()));
        ps.execute();
      } catch (SQLException e) {
        c.close();
        throw e;
      }
      return new SchemaLock(c);
    } catch (SQLException e) {
      throw new BackupException(
          "cannot lock the schema "
              + pg.schema()
              + " for the service ("
              + e.getMessage()
              + "); check that PostgreSQL is reachable with the postgres.* settings",
          e);
    }
  }

  /**
   * Takes the lock of {@code schema} whole on {@code c} (until its session ends), or answers false
   * while a service holds a share of it.
   */
  static boolean tryExclusive(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      ps.setLong(1, key(schema));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** The lock's key: the schema's name hashed, so that each schema has a lock of its own. */
  static long key(String schema) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(("plandev schema " + schema).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public void close() {
    if (session == null) {
      return;
    }
    try {
      // Closing the session releases its advisory locks.
      session.close();
    } catch (SQLException e) {
      // The session is gone either way, and its locks with it.
    }
  }
}
