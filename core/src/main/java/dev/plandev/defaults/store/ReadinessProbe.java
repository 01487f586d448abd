package dev.plandev.defaults.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Asks the PostgreSQL server, on a connection of its own, whether it can take the service's traffic
 * now: it answers, and as a primary (a standby accepts no writes). It is what {@code /ready}
 * reports, so it must tell the truth quickly: the pool would make a caller wait its whole timeout
 * for a connection while no server answers, and would say nothing while its connections are busy
 * serving.
 *
 * <p>Each probe is one query on the kept connection; a failed one drops the connection, and the
 * next probe connects again, to whichever server of {@code postgres.url} is the primary then.
 */
final class ReadinessProbe implements AutoCloseable {
  /** How long a probe may wait for the server to connect or answer. */
  static final int TIMEOUT_S = 2;

  private final Database db;
  private final Transactions.Outcomes outcomes;
  private Connection connection; // guarded by this
  private boolean closed;

  ReadinessProbe(Database db, Transactions.Outcomes outcomes) {
    this.db = db;
    this.outcomes = outcomes;
  }

  /**
   * Empty when the server answers as a primary; otherwise why the store cannot serve, in words safe
   * for any client. On SQLite, always empty: the database is a file of this process.
   */
  synchronized Optional<String> whyNotReady() {
    if (db.dialect() == Database.Dialect.SQLITE) {
      return Optional.empty();
    }
    if (closed) {
      return Optional.of("the store is closed");
    }
    try {
      if (connection == null) {
        connection = db.dedicatedConnection(TIMEOUT_S, "plandev readiness");
      }
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
        rs.next();
        if (rs.getBoolean(1)) {
          drop(); // the next probe looks for the primary again
          return Optional.of("the database server is a standby, which accepts no writes");
        }
      }
      outcomes.answered();
      return Optional.empty();
    } catch (SQLException e) {
      drop();
      StorageFault fault = db.fault(e);
      if (fault != null && fault.kind() == StorageFault.Kind.UNREACHABLE) {
        db.retireConnections(); // the pool's lead to the same lost server
        outcomes.unreachable(fault);
      }
      return Optional.of(fault != null ? fault.publicReason() : "the database does not answer");
    }
  }

  private void drop() {
    Connection c = connection;
    connection = null;
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // a connection that failed may fail to close too; it is gone either way
      }
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    drop();
  }
}
