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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

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
   * @param holder what holds it, as a refused restore names it ({@code plandev mcp}); the session
   *     carries it as its application name, with this process's id
   * @throws BackupException when PostgreSQL cannot be reached
   */
  public static SchemaLock acquire(PlandevConfig config, String holder) {
    PostgresSettings pg = config.postgres();
    if (!pg.enabled()) {
      return new SchemaLock(null);
    }
    try {
      Properties p = new Properties();
      p.setProperty("user", pg.user());
      if (!pg.password().isEmpty()) {
        p.setProperty("password", pg.password());
      }
      String name = holder + " (pid " + ProcessHandle.current().pid() + ")";
      // PostgreSQL keeps 63 bytes of an application name.
      p.setProperty("ApplicationName", name.length() > 60 ? name.substring(0, 60) : name);
      Connection c = DriverManager.getConnection(pg.url(), p);
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
   * The sessions holding a share of the lock of {@code schema}, in words: their application name
   * (what holds it and its process id) and client address.
   */
  static List<String> holders(Connection c, String schema) throws SQLException {
    long key = key(schema);
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.application_name, host(a.client_addr) FROM pg_locks l"
                + " JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                + " AND l.classid::bigint = ? AND l.objid::bigint = ?"
                + " AND a.pid <> pg_backend_pid() ORDER BY a.backend_start")) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xFFFFFFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String name =
              rs.getString(1) == null || rs.getString(1).isBlank()
                  ? "a plandev service"
                  : rs.getString(1);
          out.add(name + (rs.getString(2) == null ? "" : " from " + rs.getString(2)));
        }
      }
    }
    return out;
  }

  /** The refusal of a restore into {@code schema} while services hold its lock. */
  static RestoreRefusedException refusal(Connection c, String schema) throws SQLException {
    List<String> named = holders(c, schema);
    return new RestoreRefusedException(
        ServiceLock.subject(named)
            + " using the schema "
            + schema
            + "; stop it before restoring over its store");
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
