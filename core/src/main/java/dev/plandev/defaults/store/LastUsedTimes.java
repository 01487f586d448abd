package dev.plandev.defaults.store;

import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each API key was last used ({@code api_keys.last_used}), written off the request path and at
 * most once a {@link #PRECISION_MILLIS} per key: a request only notes the time in memory, and a
 * background thread writes what was noted, many keys in one transaction. The column is therefore up
 * to a minute behind, which is what a person reading {@code keys list} needs ("used today", "unused
 * for months"), at the cost of a write a minute per busy key instead of one per request.
 *
 * <p>A failed write is logged and its times wait for the next use; closing writes what is noted.
 */
final class LastUsedTimes implements AutoCloseable {
  /** A use within this long after the last one written is not written again. */
  static final long PRECISION_MILLIS = 60_000;

  private static final Logger LOG = LoggerFactory.getLogger(LastUsedTimes.class);

  private final Transactions transactions;
  // Uses noted but not written yet, and the last time written per key (a handful of keys).
  private final ConcurrentHashMap<Long, Long> noted = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Long> written = new ConcurrentHashMap<>();
  private final AtomicBoolean flushQueued = new AtomicBoolean();
  private ExecutorService writer; // started on the first use worth writing
  private boolean closed;

  LastUsedTimes(Transactions transactions) {
    this.transactions = transactions;
  }

  /** Notes that key {@code id} was used at {@code millis}; cheap enough for every request. */
  void used(long id, long millis) {
    Long last = written.get(id);
    if (last != null && millis - last < PRECISION_MILLIS) {
      return;
    }
    noted.merge(id, millis, Math::max);
    if (flushQueued.compareAndSet(false, true)) {
      queueFlush();
    }
  }

  private synchronized void queueFlush() {
    if (closed) {
      flushQueued.set(false);
      return;
    }
    if (writer == null) {
      writer =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "plandev-key-last-used");
                t.setDaemon(true);
                return t;
              });
    }
    writer.execute(
        () -> {
          flushQueued.set(false); // uses noted from now on queue another flush
          flush();
        });
  }

  /** Writes the noted times now, in the caller's thread. */
  void flush() {
    Map<Long, Long> batch = new java.util.HashMap<>();
    for (Long id : noted.keySet()) {
      Long millis = noted.remove(id);
      if (millis != null) {
        batch.put(id, millis);
      }
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      transactions.write(
          "record when API keys were last used",
          batch.size(),
          tx -> {
            // Another instance may have written a later time: keep the latest.
            PreparedStatement ps =
                tx.prepare(
                    "UPDATE api_keys SET last_used = ? WHERE id = ?"
                        + " AND (last_used IS NULL OR last_used < ?)");
            for (Map.Entry<Long, Long> e : batch.entrySet()) {
              ps.setLong(1, e.getValue());
              ps.setLong(2, e.getKey());
              ps.setLong(3, e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          });
      batch.forEach((id, millis) -> written.merge(id, millis, Math::max));
    } catch (RuntimeException e) {
      batch.forEach((id, millis) -> noted.merge(id, millis, Math::max));
      LOG.warn(
          "cannot record when {} API key(s) were last used; trying again at their next use: {}",
          batch.size(),
          e.getMessage());
    }
  }

  /** Writes what is noted and stops the writer thread. */
  @Override
  public void close() {
    ExecutorService w;
    synchronized (this) {
      closed = true;
      w = writer;
    }
    if (w != null) {
      w.shutdown();
      try {
        w.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    flush();
  }
}
