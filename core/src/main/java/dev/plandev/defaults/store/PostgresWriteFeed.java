package dev.plandev.defaults.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys written to a PostgreSQL schema, heard on its {@link WriteNotices} channel by a thread
 * that holds one dedicated connection in {@code LISTEN}.
 *
 * <p>Why listening rather than reading the audit trail by id as on SQLite: PostgreSQL hands out ids
 * when rows are inserted, not when they commit, so two instances writing at once commit ids out of
 * order and a reader that remembers "the last id seen" skips the slower one's rows. A notice, by
 * contrast, arrives only after its transaction commits.
 *
 * <p>Notices sent while no connection listens are lost, so the feed answers "cannot tell" (null:
 * forget everything) for any look that spans such a time: before the first {@code LISTEN}, after a
 * lost connection, until the next look after reconnecting. A connection is found dead by its error
 * or, when the network drops silently, by a probe query every {@link #PROBE_MS} ms of quiet that
 * must answer within {@link Database#DEDICATED_SOCKET_TIMEOUT_S} s. The thread starts on the first
 * look, so a store that never asks (with Redis, or a command that only writes) opens nothing.
 */
final class PostgresWriteFeed implements WriteFeed {
  /** Quiet time after which the connection is probed. */
  static final int PROBE_MS = 5_000;

  private static final long MAX_BACKOFF_MS = 5_000;
  private static final Logger LOG = LoggerFactory.getLogger(PostgresWriteFeed.class);

  private final Database db;
  private final String channel;
  private final Object lock = new Object();
  // Guarded by lock: what was heard since the last look, and whether that is all that was written.
  private Set<String> heard = new HashSet<>();
  private boolean complete;
  private boolean listening;
  private Thread listener;
  private boolean closed;
  private Connection connection;

  PostgresWriteFeed(Database db, String channel) {
    this.db = db;
    this.channel = channel;
  }

  @Override
  public Set<String> writtenKeys() {
    synchronized (lock) {
      if (listener == null && !closed) {
        listener = new Thread(this::listen, "plandev-write-feed");
        listener.setDaemon(true);
        listener.start();
      }
      Set<String> keys = complete ? heard : null;
      heard = new HashSet<>();
      complete = listening;
      return keys;
    }
  }

  /** Whether a connection is in {@code LISTEN} now; for tests that must not race its start. */
  boolean listening() {
    synchronized (lock) {
      return listening;
    }
  }

  private void listen() {
    long backoff = 100;
    boolean warned = false;
    while (!isClosed()) {
      try {
        Connection c = connect();
        if (c == null) {
          return; // closed meanwhile
        }
        if (warned) {
          LOG.info("listening again for writes of other instances on {}", db.description());
          warned = false;
        }
        backoff = 100;
        receive(c);
      } catch (SQLException e) {
        if (isClosed()) {
          return;
        }
        synchronized (lock) {
          listening = false;
          complete = false;
        }
        dropConnection();
        if (!warned) {
          LOG.warn(
              "lost the feed of writes by other instances on {} ({}); every cached answer is"
                  + " forgotten each second until it is back",
              db.description(),
              Database.rootMessage(e));
          warned = true;
        }
        if (!pause(backoff)) {
          return;
        }
        backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
      }
    }
  }

  /** Opens the connection and starts listening; null when the feed was closed meanwhile. */
  private Connection connect() throws SQLException {
    Connection c = db.dedicatedConnection();
    try (Statement s = c.createStatement()) {
      s.execute("LISTEN \"" + channel.replace("\"", "\"\"") + '"');
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    synchronized (lock) {
      if (closed) {
        c.close();
        return null;
      }
      connection = c;
      listening = true;
    }
    return c;
  }

  /** Hands what the connection hears to the next look, until the connection or the feed ends. */
  private void receive(Connection c) throws SQLException {
    PGConnection pg = c.unwrap(PGConnection.class);
    while (!isClosed()) {
      PGNotification[] notices = pg.getNotifications(PROBE_MS);
      if (notices == null || notices.length == 0) {
        try (Statement s = c.createStatement()) {
          s.execute("SELECT 1"); // fails on a connection the network dropped without a word
        }
        notices = pg.getNotifications();
      }
      if (notices != null && notices.length > 0) {
        take(notices);
      }
    }
  }

  private void take(PGNotification[] notices) {
    synchronized (lock) {
      for (PGNotification n : notices) {
        String payload = n.getParameter();
        if (payload.equals(WriteNotices.EVERYTHING)) {
          complete = false;
          continue;
        }
        for (String key : payload.split(" ")) {
          heard.add(key);
        }
      }
      if (heard.size() > MAX_ROWS) {
        heard.clear(); // no look will list them: it will answer "everything" instead
        complete = false;
      }
    }
  }

  private boolean isClosed() {
    synchronized (lock) {
      return closed;
    }
  }

  /** Waits before reconnecting; false when the feed was closed meanwhile. */
  private boolean pause(long millis) {
    synchronized (lock) {
      long until = System.nanoTime() + millis * 1_000_000;
      try {
        for (long left = millis; !closed && left > 0; ) {
          lock.wait(left);
          left = (until - System.nanoTime()) / 1_000_000;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      return !closed;
    }
  }

  private void dropConnection() {
    Connection c;
    synchronized (lock) {
      c = connection;
      connection = null;
    }
    closeQuietly(c);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException ignored) {
      // a connection that failed may fail to close too; it is gone either way
    }
  }

  /**
   * Stops listening. The connection is aborted, not closed, so that a listener waiting for notices
   * returns at once instead of at the end of its wait.
   */
  @Override
  public void close() {
    Thread t;
    Connection c;
    synchronized (lock) {
      closed = true;
      listening = false;
      t = listener;
      c = connection;
      connection = null;
      lock.notifyAll();
    }
    if (c != null) {
      try {
        c.abort(Runnable::run);
      } catch (SQLException e) {
        closeQuietly(c);
      }
    }
    if (t != null) {
      try {
        t.join(2_000); // a daemon: one still connecting closes its connection on its own
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
