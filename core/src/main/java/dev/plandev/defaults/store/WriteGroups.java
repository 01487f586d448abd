package dev.plandev.defaults.store;

import dev.plandev.defaults.model.StorageException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs the store's writes one transaction at a time, and the writes of callers who queued up behind
 * a transaction together in the next one (group commit).
 *
 * <p>A database such as SQLite takes one writer at a time, and a commit costs more than a small
 * write: under concurrent single writes, committing each on its own caps the store at a few
 * thousand writes a second and makes the queue the latency. Here every caller queues its work, then
 * takes the lock; whoever holds it runs the queued works (about {@link #MAX_GROUP} rows' worth) in
 * one transaction, each inside a savepoint, commits once and hands each caller its own result or
 * failure. A caller whose work a previous holder already ran just returns. A work that fails rolls
 * back to its savepoint and fails alone; a failed commit fails the whole group, none of which was
 * acknowledged. Nothing returns before its commit, so an acknowledged write is durable as before.
 */
final class WriteGroups {
  /**
   * A group stops growing once its works weigh this much (about one per row): grouping pays for
   * small writes, while a large batch already amortises its commit and would only make the writes
   * grouped with it wait.
   */
  static final int MAX_GROUP = 64;

  /** Opens a transaction's connection. */
  interface Begin {
    Tx begin() throws SQLException;
  }

  private static final class Pending<T> {
    final Work<T> work;
    final int weight;
    T result;
    Exception failure; // an SQLException or a RuntimeException
    boolean done;

    Pending(Work<T> work, int weight) {
      this.work = work;
      this.weight = weight;
    }
  }

  private final ReentrantLock lock;
  private final Begin begin;
  private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();
  private final LongAdder transactions = new LongAdder();
  private final LongAdder works = new LongAdder();

  /** Writes under {@code lock}, which others (maintenance) may take to keep writes out. */
  WriteGroups(ReentrantLock lock, Begin begin) {
    this.lock = lock;
    this.begin = begin;
  }

  /**
   * Runs {@code work} in a transaction, maybe with others', and returns its result once committed.
   *
   * @param weight about how many rows the work writes (at least 1)
   * @throws SQLException when the database failed this work or the commit
   */
  <T> T run(Work<T> work, int weight) throws SQLException {
    Pending<T> mine = new Pending<>(work, Math.max(1, weight));
    works.increment();
    queue.add(mine);
    lock.lock();
    try {
      while (!mine.done) {
        runGroup(); // the first group may stop short of our work: a full group queued before it
      }
    } finally {
      lock.unlock();
    }
    // The holder that ran it set these before unlocking, and our lock() saw its unlock.
    if (mine.failure != null) {
      rethrow(mine.failure);
    }
    return mine.result;
  }

  private void runGroup() {
    List<Pending<?>> group = new ArrayList<>();
    long weight = 0;
    for (Pending<?> p; weight < MAX_GROUP && (p = queue.poll()) != null; ) {
      group.add(p);
      weight += p.weight;
    }
    transactions.increment();
    boolean committed = false;
    Exception failure = null;
    Exception firstFailure = null;
    try (Tx tx = begin.begin()) {
      tx.connection.setAutoCommit(false);
      try {
        boolean undo = false;
        if (group.size() == 1) {
          undo = runAlone(tx, group.get(0));
        } else {
          for (Pending<?> p : group) {
            runInSavepoint(tx, p);
            firstFailure = withEarlier(p.failure, firstFailure);
          }
        }
        if (undo) {
          tx.connection.rollback(); // what the work asked for: its result stands
        } else {
          tx.connection.commit();
        }
        committed = true;
      } finally {
        if (!committed) {
          rollbackQuietly(tx);
          autoCommitQuietly(tx);
        } else {
          tx.connection.setAutoCommit(true);
        }
        if (!committed || firstFailure != null) {
          tx.forgetStatements();
        }
      }
    } catch (SQLException | RuntimeException e) {
      failure = e;
      withEarlier(failure, firstFailure);
    } finally {
      for (Pending<?> p : group) {
        if (!committed && p.failure == null) {
          // Not committed: even a work that had succeeded is not acknowledged.
          p.result = null;
          p.failure =
              failure != null
                  ? failure
                  : new StorageException(
                      "the write transaction ended on an unexpected error; nothing was written");
        }
        p.done = true;
      }
    }
  }

  /**
   * Adds {@code earlier}, a failure of another work in the same transaction, to {@code failure}:
   * after a full disk or an I/O error SQLite rolls the whole transaction back, and the works after
   * it fail with words ("statement is not executing") that hide the cause. Returns the first of the
   * two.
   */
  private static Exception withEarlier(Exception failure, Exception earlier) {
    if (failure == null) {
      return earlier;
    }
    if (earlier == null) {
      return failure;
    }
    if (failure != earlier) {
      failure.addSuppressed(earlier);
    }
    return earlier;
  }

  /**
   * Without others, no savepoint: the work's failure rolls the transaction back. Returns whether
   * the work asked for its writes to be undone ({@link Tx#undo()}).
   */
  private static <T> boolean runAlone(Tx tx, Pending<T> p) throws SQLException {
    try (Tx own = tx.share()) {
      p.result = p.work.run(own);
      return own.undone();
    }
  }

  private static <T> void runInSavepoint(Tx tx, Pending<T> p) throws SQLException {
    Savepoint savepoint = tx.connection.setSavepoint();
    boolean undo;
    try (Tx own = tx.share()) {
      p.result = p.work.run(own);
      undo = own.undone();
    } catch (SQLException | RuntimeException e) {
      // Only this work's changes go; a rollback that fails here fails the whole group.
      p.failure = e;
      try {
        tx.connection.rollback(savepoint);
      } catch (SQLException rollbackFailed) {
        // After a lost connection the pool answers only "Connection is closed": the work's own
        // failure is what says why, for every work of the group.
        rollbackFailed.addSuppressed(e);
        throw rollbackFailed;
      }
      return;
    }
    if (undo) {
      tx.connection.rollback(savepoint);
    } else {
      tx.connection.releaseSavepoint(savepoint);
    }
  }

  /** Rolls back after a failure that is reported already; a rollback failure adds nothing. */
  private static void rollbackQuietly(Tx tx) {
    try {
      tx.connection.rollback();
    } catch (SQLException ignored) {
      // the connection returns to the pool in autocommit mode, which ends the transaction
    }
  }

  /**
   * Leaves a failed transaction in autocommit mode without hiding why it failed: after a full disk
   * or an I/O error SQLite has rolled back already, and the driver's commit here would fail with
   * "no transaction is active" in place of the real cause.
   */
  private static void autoCommitQuietly(Tx tx) {
    try {
      tx.connection.setAutoCommit(true);
    } catch (SQLException ignored) {
      // the pool resets autocommit again when the connection returns, or discards it
    }
  }

  /** How many transactions ran the works so far; fewer than the works when they were grouped. */
  long transactions() {
    return transactions.sum();
  }

  /** Counts works and their transactions in {@code registry} ({@code plandev.store.*}). */
  void registerMeters(MeterRegistry registry) {
    FunctionCounter.builder("plandev.store.writes", this, WriteGroups::works)
        .description("writes asked of the store, one per caller")
        .register(registry);
    FunctionCounter.builder("plandev.store.transactions", this, WriteGroups::transactions)
        .description("write transactions; fewer than writes when concurrent writes were grouped")
        .register(registry);
  }

  /** How many works were asked to run so far. */
  long works() {
    return works.sum();
  }

  private static void rethrow(Exception e) throws SQLException {
    if (e instanceof SQLException sql) {
      throw sql;
    }
    throw (RuntimeException) e;
  }
}
