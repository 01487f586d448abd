package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.StaleVersionException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real SQLite file (and, in {@link PostgresWriteGroupsTest}, on the machine's
 * PostgreSQL): callers that queue behind a transaction share the next one, each keeps its own
 * result or failure, and an uncommitted group acknowledges nothing.
 */
class WriteGroupsTest {
  @TempDir Path dir;
  Database db;
  final ReentrantLock lock = new ReentrantLock();
  WriteGroups writes;
  final ExecutorService callers = Executors.newFixedThreadPool(8);

  /** The store to write to. */
  PlandevConfig config() {
    return PlandevConfig.defaults().withDataDir(dir.toString());
  }

  /** The type of an id the database numbers itself. */
  String idType() {
    return "INTEGER";
  }

  @BeforeEach
  void open() throws SQLException {
    db = Database.open(config());
    try (Tx tx = db.begin();
        Statement s = tx.connection.createStatement()) {
      s.execute("CREATE TABLE parent (id " + idType() + " PRIMARY KEY, name TEXT UNIQUE)");
      // Checked at commit, not at insert: a way to make a commit fail on demand.
      s.execute(
          "CREATE TABLE child (parent INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY"
              + " DEFERRED)");
    }
    writes = new WriteGroups(lock, db::begin);
  }

  @AfterEach
  void close() throws InterruptedException {
    callers.shutdownNow();
    callers.awaitTermination(10, TimeUnit.SECONDS);
    db.close();
  }

  Work<Long> insert(String name) {
    return tx -> {
      PreparedStatement ps = tx.prepare("INSERT INTO parent (name) VALUES (?) RETURNING id");
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    };
  }

  List<String> names() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Tx tx = db.begin();
        ResultSet rs =
            tx.connection.createStatement().executeQuery("SELECT name FROM parent ORDER BY id")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }

  /** A lock tells no one that a thread started waiting for it: ask until enough do. */
  private void awaitQueue(int waiting) {
    await("threads waiting for the lock")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(1))
        .until(() -> lock.getQueueLength() >= waiting);
  }

  List<Future<Long>> queuedTogether(List<Work<Long>> works) throws InterruptedException {
    return queuedTogether(works, 1);
  }

  /** Starts the works while the lock is held, so that they queue, then lets them run. */
  List<Future<Long>> queuedTogether(List<Work<Long>> works, int weight)
      throws InterruptedException {
    lock.lock();
    List<Future<Long>> results = new ArrayList<>();
    try {
      // One at a time: a caller queues its work before it waits for the lock, so waiting for each
      // to wait makes the queue's order the list's, whatever the pool's threads do.
      for (Work<Long> w : works) {
        results.add(callers.submit((Callable<Long>) () -> writes.run(w, weight)));
        int queued = results.size();
        awaitQueue(queued);
        assertThat(lock.getQueueLength()).isEqualTo(queued);
      }
    } finally {
      lock.unlock();
    }
    return results;
  }

  @Test
  void queuedWrites_shareOneTransaction_andAFailedOneFailsAlone() throws Exception {
    List<Future<Long>> results =
        queuedTogether(
            List.of(
                insert("a"),
                tx -> {
                  insert("b").run(tx);
                  throw new StaleVersionException(1, 1, 2);
                },
                insert("a"), // a duplicate: the database refuses it
                insert("c")));
    assertThat(results.get(0).get()).isPositive();
    assertThat(results.get(1))
        .failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(StaleVersionException.class);
    assertThat(results.get(2))
        .failsWithin(java.time.Duration.ofSeconds(10))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("unique"));
    assertThat(results.get(3).get()).isPositive();
    assertThat(names()).containsExactlyInAnyOrder("a", "c");
    assertThat(writes.transactions()).isEqualTo(1);
  }

  @Test
  void workThatUndoesItself_undoesOnlyItsOwnWrites_aloneOrInAGroup() throws Exception {
    Work<Long> undone =
        tx -> {
          insert("undone").run(tx);
          tx.undo();
          return 7L;
        };
    List<Future<Long>> results = queuedTogether(List.of(insert("a"), undone, insert("c")));
    for (Future<Long> r : results) {
      assertThat(r.get(10, TimeUnit.SECONDS)).isPositive();
    }
    assertThat(results.get(1).get()).isEqualTo(7L);
    assertThat(names()).containsExactlyInAnyOrder("a", "c");
    assertThat(writes.run(undone, 1)).isEqualTo(7L);
    assertThat(names()).containsExactlyInAnyOrder("a", "c");
  }

  @Test
  void failedCommit_acknowledgesNoWorkOfTheGroup() throws Exception {
    List<Future<Long>> results =
        queuedTogether(
            List.of(
                insert("kept?"),
                tx -> {
                  tx.prepare("INSERT INTO child (parent) VALUES (999)").executeUpdate();
                  return 0L;
                }));
    for (Future<Long> r : results) {
      assertThat(r)
          .failsWithin(java.time.Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains("foreign key"));
    }
    assertThat(names()).isEmpty();
    assertThat(writes.run(insert("next"), 1)).as("the next group commits").isPositive();
    assertThat(names()).containsExactly("next");
  }

  @Test
  void heavyWorks_areNotGroupedWithEachOther() throws Exception {
    for (Future<Long> r :
        queuedTogether(List.of(insert("big1"), insert("big2")), WriteGroups.MAX_GROUP)) {
      assertThat(r.get(10, TimeUnit.SECONDS)).isPositive();
    }
    assertThat(writes.transactions()).isEqualTo(2);
    for (Future<Long> r : queuedTogether(List.of(insert("s1"), insert("s2")), 1)) {
      assertThat(r.get(10, TimeUnit.SECONDS)).isPositive();
    }
    assertThat(writes.transactions()).isEqualTo(3);
  }

  @Test
  void workQueuedBehindAFullGroup_stillRunsBeforeItsCallerReturns() throws Exception {
    Future<Long> heavy;
    long mine;
    lock.lock();
    try {
      heavy = callers.submit((Callable<Long>) () -> writes.run(insert("heavy"), 1000));
      awaitQueue(1);
      // This thread holds the lock, so it leads: the heavy work fills the first group alone.
      mine = writes.run(insert("light"), 1);
    } finally {
      lock.unlock();
    }
    assertThat(mine).isPositive();
    assertThat(heavy.get(10, TimeUnit.SECONDS)).isPositive();
    assertThat(names()).containsExactly("heavy", "light");
    assertThat(writes.transactions()).isEqualTo(2);
  }

  @Test
  void aloneOrTogether_everyCallerGetsItsOwnRow() throws Exception {
    List<Future<Long>> results = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String name = "n" + i;
      results.add(callers.submit((Callable<Long>) () -> writes.run(insert(name), 1)));
    }
    List<Long> ids = new ArrayList<>();
    for (Future<Long> r : results) {
      ids.add(r.get(30, TimeUnit.SECONDS));
    }
    assertThat(ids).doesNotHaveDuplicates().hasSize(400);
    assertThat(names()).hasSize(400);
    assertThat(writes.transactions()).isBetween(1L, 400L);
  }
}
