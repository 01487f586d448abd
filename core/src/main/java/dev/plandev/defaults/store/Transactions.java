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
  private volatile WriteOutcomes outcomes = WriteOutcomes.NONE;

  /** Told of each write's outcome: the store's health and its high-water mark follow them. */
  interface WriteOutcomes {
    WriteOutcomes NONE =
        new WriteOutcomes() {
          @Override
          public void committed() {}

          @Override
          public void failed(StorageFault fault, String message) {}
        };

    /** A write was committed. */
    void committed();

    /** A write failed because of the storage (not of the request): {@code message} says why. */
    void failed(StorageFault fault, String message);
  }

  Transactions(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.writes = new WriteGroups(writeLock, db::begin);
  }

  void tellOutcomesTo(WriteOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  /** Runs {@code work} in a transaction of its own; {@code what} completes "cannot …". */
  <T> T read(String what, Work<T> work) {
    try (Tx tx = db.begin()) {
      return work.run(tx);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs {@code work} in a write transaction, committed with other callers' when they queue. */
  <T> T write(String what, Work<T> work) {
    return write(what, 1, work);
  }

  /** As {@link #write(String, Work)}, for a work of about {@code rows} rows. */
  <T> T write(String what, int rows, Work<T> work) {
    T result;
    try {
      result = writes.run(work, rows);
    } catch (SQLException e) {
      StorageException failure = failure(what, e);
      StorageFault fault = db.fault(e);
      if (fault != null) {
        outcomes.failed(fault, failure.getMessage());
      }
      throw failure;
    }
    outcomes.committed();
    return result;
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
