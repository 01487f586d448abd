package dev.plandev.defaults.store;

import dev.plandev.defaults.model.StorageException;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where the store's units of work run: reads each in a transaction of their own, writes under the
 * one write lock of this process, grouped with other callers' writes into a shared commit.
 *
 * <p>Writes of one process go through a single lock: SQLite allows one writer anyway, and doing the
 * queueing here rather than in SQLite's busy loop keeps latency fair and predictable. A database
 * failure becomes a {@link StorageException} that says what was being done and where.
 */
final class Transactions {
  private final Database db;
  private final Clock clock;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final WriteGroups writes;
  private volatile Outcomes outcomes = Outcomes.NONE;

  /**
   * Told of the outcomes that reveal the store's condition: each write's, and whether the database
   * server answered (its health, its outages and the high-water mark follow them).
   */
  interface Outcomes {
    Outcomes NONE =
        new Outcomes() {
          @Override
          public void committed() {}

          @Override
          public void failed(StorageFault fault, String message) {}

          @Override
          public void answered() {}

          @Override
          public void unreachable(StorageFault fault) {}
        };

    /** A write was committed. */
    void committed();

    /** A write failed because of the storage (not of the request): {@code message} says why. */
    void failed(StorageFault fault, String message);

    /** The database answered a unit of work; called for every one, so it must be cheap. */
    void answered();

    /** The database server could not be reached (or dropped the connection) for a unit of work. */
    void unreachable(StorageFault fault);
  }

  Transactions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.writes = new WriteGroups(writeLock, db::begin);
  }

  void tellOutcomesTo(Outcomes outcomes) {
    this.outcomes = outcomes;
  }

  /**
   * Runs {@code work} in a transaction of its own; {@code what} completes "cannot …". A read that
   * failed on a connection the server dropped (a restart, a failover) is run once more on a fresh
   * one: a read changes nothing, so repeating it is safe, and the pool may hold other connections
   * to the server that is gone.
   */
  <T> T read(String what, Work<T> work) {
    try {
      return readOnce(work);
    } catch (SQLException e) {
      if (!connectionLost(e) || pooledConnectionTimedOut(e)) {
        throw failure(what, e);
      }
      try {
        return readOnce(work);
      } catch (SQLException again) {
        again.addSuppressed(e);
        connectionLost(again);
        throw failure(what, again);
      }
    }
  }

  private <T> T readOnce(Work<T> work) throws SQLException {
    T result;
    try (Tx tx = db.begin()) {
      result = work.run(tx);
    }
    outcomes.answered();
    return result;
  }

  /**
   * Whether {@code e} says the server cannot be reached; if so, the pool's connections are retired
   * (every one of them leads to the server that failed) and the outage is told.
   */
  private boolean connectionLost(SQLException e) {
    StorageFault fault = db.fault(e);
    if (fault == null || fault.kind() != StorageFault.Kind.UNREACHABLE) {
      return false;
    }
    db.retireConnections();
    outcomes.unreachable(fault);
    return true;
  }

  /** The pool waited its whole timeout for a connection: waiting again would only double it. */
  private static boolean pooledConnectionTimedOut(SQLException e) {
    return e instanceof java.sql.SQLTransientConnectionException;
  }

  /** Runs {@code work} in a write transaction, committed with other callers' when they queue. */
  <T> T write(String what, Work<T> work) {
    return write(what, 1, work);
  }

  /**
   * As {@link #write(String, Work)}, for a work of about {@code rows} rows. A write is never
   * repeated here: when the connection is lost its commit may have reached the server or not, and
   * only the caller can look.
   */
  <T> T write(String what, int rows, Work<T> work) {
    T result;
    try {
      result = writes.run(work, rows);
    } catch (SQLException e) {
      StorageException failure = failure(what, e);
      StorageFault fault = db.fault(e);
      if (fault != null) {
        if (connectionLost(e)) {
          failure = pooledConnectionTimedOut(e) ? notWritten(failure) : unacknowledged(failure);
        }
        outcomes.failed(fault, failure.getMessage());
      }
      throw failure;
    }
    outcomes.answered();
    outcomes.committed();
    return result;
  }

  /** The failure of a write that never had a connection: nothing reached the server. */
  private static StorageException notWritten(StorageException failure) {
    String none = "; nothing was written: no connection to the server could be had";
    return new StorageException(
        failure.getMessage() + none, failure.getCause(), failure.publicReason() + none);
  }

  /** The failure of a write whose connection was lost, saying that it may have been saved. */
  private static StorageException unacknowledged(StorageException failure) {
    String unknown =
        "; the write was not acknowledged, but it may have been saved before the connection was"
            + " lost: read it back before repeating it";
    return new StorageException(
        failure.getMessage() + unknown, failure.getCause(), failure.publicReason() + unknown);
  }

  /**
   * Runs {@code work} with every writer of this process kept out, on a connection in autocommit
   * mode: for statements that may not run inside a transaction ({@code VACUUM}).
   */
  void alone(String what, Work<?> work) {
    writeLock.lock();
    try (Tx tx = db.begin()) {
      work.run(tx);
    } catch (SQLException e) {
      StorageException failure = failure(what, e);
      StorageFault fault = db.fault(e);
      if (fault != null) {
        outcomes.failed(fault, failure.getMessage()); // VACUUM writes every page
      }
      throw failure;
    } finally {
      writeLock.unlock();
    }
  }

  private StorageException failure(String what, SQLException e) {
    return db.failure(what, e);
  }

  /** Counts writes and their transactions in {@code registry}. */
  void registerMeters(MeterRegistry registry) {
    writes.registerMeters(registry);
  }

  /** The store's clock, read to the millisecond as every stored time is. */
  Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  /** {@link #now()} in epoch milliseconds, as the tables hold it. */
  long millis() {
    return clock.millis();
  }

  Database.Dialect dialect() {
    return db.dialect();
  }
}
