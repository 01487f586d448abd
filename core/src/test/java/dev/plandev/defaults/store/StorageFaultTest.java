package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.testing.ImmutableFiles;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk or a read-only database file fails writes with a message that says so, names the file
 * and what to do; never SQLite's own words for the aftermath ("no transaction is active").
 */
class StorageFaultTest {
  private static final Actor T = Actor.of("t");

  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final ImmutableFiles immutable = new ImmutableFiles();
  JdbcDefaultsStore store;

  @AfterEach
  void close() throws Exception {
    immutable.close();
    if (store != null) {
      store.close();
    }
  }

  PlandevConfig config() {
    return PlandevConfig.defaults().withDataDir(dir.toString());
  }

  /** A store whose database may grow by a few pages only: SQLite then fails with SQLITE_FULL. */
  JdbcDefaultsStore nearlyFull() {
    JdbcDefaultsStore.open(config(), clock, new SimpleMeterRegistry()).close(); // the schema
    long pages = dir.resolve("defaults.db").toFile().length() / 4096;
    return JdbcDefaultsStore.open(
        config(), clock, new SimpleMeterRegistry(), sc -> sc.setMaxPageCount((int) pages + 4));
  }

  static String big(int i) {
    return String.valueOf((char) ('a' + i % 26)).repeat(60_000);
  }

  @Test
  void fullDatabase_saysTheDiskIsFull_andWhatToDo() {
    store = nearlyFull();
    assertThatThrownBy(
            () -> {
              for (int i = 0; i < 50; i++) {
                store.put(DefaultSpec.of("k" + i, big(i)), T);
              }
            })
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertFullMessage(e.getMessage()));
    StoreHealth.Check writes = store.health().writes();
    assertThat(writes.status()).isEqualTo(StoreHealth.Status.DOWN);
    assertThat(writes.detail()).contains("full").contains("defaults.db");
    assertThat(writes.at()).isEqualTo(clock.instant());

    // A write that fits succeeds again (the connection is usable after the fault), and health says
    // so.
    store.put(DefaultSpec.of("small", "x"), T);
    assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.UP);
  }

  @Test
  void fullDatabase_concurrentWrites_eachSaysTheDiskIsFull() throws Exception {
    store = nearlyFull();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        int n = i;
        writes.add(pool.submit(() -> store.put(DefaultSpec.of("k" + n, big(n)), T)));
      }
      List<String> failures = new ArrayList<>();
      for (Future<?> f : writes) {
        try {
          f.get();
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(StorageException.class);
          failures.add(e.getCause().getMessage());
        }
      }
      assertThat(failures).isNotEmpty();
      failures.forEach(StorageFaultTest::assertFullMessage);
    } finally {
      pool.shutdownNow();
    }
  }

  static void assertFullMessage(String message) {
    assertThat(message)
        .contains("full")
        .contains("defaults.db")
        .contains("free")
        .doesNotContain("no transaction")
        .doesNotContain("SQLITE_")
        .doesNotContain("check that the database is running");
  }

  @Test
  void readOnlyFile_whileServing_saysSo_andWhatToDo() throws Exception {
    store = JdbcDefaultsStore.open(config(), clock, new SimpleMeterRegistry());
    store.put(DefaultSpec.of("k", "v"), T);
    immutable.make(dir.resolve("defaults.db"));
    immutable.make(dir.resolve("defaults.db-wal"));
    assertThatThrownBy(() -> store.put(DefaultSpec.of("k", "w"), T))
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertReadOnlyMessage(e.getMessage()));
    assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.DOWN);
    assertThat(store.find("k", Context.EMPTY).orElseThrow().value()).isEqualTo("v");

    immutable.undo();
    store.put(DefaultSpec.of("k", "w"), T);
    assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.UP);
    assertThat(store.find("k", Context.EMPTY).orElseThrow().value()).isEqualTo("w");
  }

  @Test
  void readOnlyFile_atStart_namesTheFile_notARunningServer() throws Exception {
    JdbcDefaultsStore.open(config(), clock, new SimpleMeterRegistry()).close();
    immutable.make(dir.resolve("defaults.db"));
    assertThatThrownBy(
            () -> {
              store = JdbcDefaultsStore.open(config(), clock, new SimpleMeterRegistry());
              store.put(DefaultSpec.of("k", "w"), T);
            })
        .isInstanceOf(StorageException.class)
        .satisfies(e -> assertReadOnlyMessage(e.getMessage()));
  }

  static void assertReadOnlyMessage(String message) {
    assertThat(message)
        .contains("defaults.db")
        .contains("read-only")
        .contains("writable")
        .doesNotContain("SQLITE_")
        .doesNotContain("check that the database is running");
  }

  @Test
  void unopenableFile_atStart_saysWhatIsWrongWithThePath() throws Exception {
    Path db = dir.resolve("defaults.db");
    Files.createDirectories(db); // a directory where the database file should be
    assertThatThrownBy(() -> JdbcDefaultsStore.open(config(), clock, new SimpleMeterRegistry()))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(db.toString())
        .hasMessageNotContaining("check that the database is running")
        .hasMessageNotContaining("SQLITE_");
  }
}
