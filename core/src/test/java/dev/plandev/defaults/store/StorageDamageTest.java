package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged database file is noticed: pages overwritten with garbage fail the integrity check on
 * start and on maintenance, and a database that lost committed writes (truncated to zero, garbage
 * in its write-ahead log after a crash) refuses to start unless told to.
 */
class StorageDamageTest {
  private static final Actor T = Actor.of("t");
  private static final int PAGE = 4096;

  @TempDir Path dir;
  final TestClock clock = new TestClock();
  JdbcDefaultsStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  PlandevConfig config(Path data) {
    return PlandevConfig.defaults().withDataDir(data.toString());
  }

  /** The configuration with {@code -o sqlite.allowLostWrites=true}, as a person would set it. */
  static PlandevConfig allowingLostWrites(Path data) {
    return new ConfigLoader(data, Map.of())
        .load(null, Map.of("dataDir", data.toString(), "sqlite.allowLostWrites", "true"), Map.of())
        .config();
  }

  JdbcDefaultsStore open(PlandevConfig config) {
    return JdbcDefaultsStore.open(config, clock, new SimpleMeterRegistry());
  }

  void fill(JdbcDefaultsStore s, int entries) {
    for (int i = 0; i < entries; i++) {
      s.put(DefaultSpec.of("key." + i, "value " + i + " " + "x".repeat(200)), T);
    }
  }

  @Test
  void soundDatabase_passesTheIntegrityCheck() {
    store = open(config(dir));
    assertThat(store.health().integrity().status()).isEqualTo(StoreHealth.Status.UP);
    assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.UP);
  }

  @Test
  void garbagePages_failTheCheckOnStart_andOnMaintenance_inPlainWords() throws Exception {
    store = open(config(dir));
    fill(store, 300);
    store.close();
    store = null;
    Path db = dir.resolve("defaults.db");
    long pages = Files.size(db) / PAGE;
    assertThat(pages).isGreaterThan(10);
    byte[] garbage = new byte[PAGE * 2];
    new Random(7).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(PAGE * (pages / 2));
      f.write(garbage);
    }

    store = open(config(dir));
    StoreHealth.Check integrity = store.health().integrity();
    assertThat(integrity.status()).isEqualTo(StoreHealth.Status.DOWN);
    assertThat(integrity.detail())
        .contains("defaults.db")
        .contains("damaged")
        .contains("backup")
        .doesNotContain("SQLITE_");
    assertThat(integrity.at()).isEqualTo(clock.instant());

    clock.advance(Duration.ofDays(7));
    assertThatThrownBy(store::maintain)
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("maintenance skipped");
    assertThat(store.health().integrity().at()).isEqualTo(clock.instant());
  }

  @Test
  void garbageHeader_isRefusedAsDamaged_inPlainWords() throws Exception {
    store = open(config(dir));
    fill(store, 3);
    store.close();
    store = null;
    Path db = dir.resolve("defaults.db");
    byte[] garbage = new byte[100];
    new Random(3).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.write(garbage); // the header that says "SQLite format 3"
    }
    assertThatThrownBy(() -> store = open(config(dir)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("damaged")
        .hasMessageNotContaining("SQLITE_");
  }

  @Test
  void databaseTruncatedToZero_refusesToStart_insteadOfBecomingANewEmptyStore() throws Exception {
    store = open(config(dir));
    fill(store, 3);
    store.close();
    store = null;
    Path db = dir.resolve("defaults.db");
    Files.write(db, new byte[0]);

    assertThatThrownBy(() -> store = open(config(dir)))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining(db.toString())
        .hasMessageContaining("empty")
        .hasMessageContaining("sqlite.allowLostWrites=true");
    assertThat(Files.size(db)).as("the evidence is left alone").isZero();

    // Told to, it starts over; and the next start is an ordinary one.
    store = open(allowingLostWrites(dir));
    assertThat(store.find("key.0", Context.EMPTY)).isEmpty();
    store.close();
    store = open(config(dir));
    assertThat(store.find("key.0", Context.EMPTY)).isEmpty();
  }

  @Test
  void garbageInTheWriteAheadLogAfterACrash_refusesToStart() throws Exception {
    store = open(config(dir));
    fill(store, 5);
    clock.advance(Duration.ofMillis(HighWaterMark.PERIOD));
    fill(store, 40); // every write goes to the -wal file; the mark follows the first of these
    clock.advance(Duration.ofMillis(HighWaterMark.PERIOD));
    store.put(DefaultSpec.of("last", "one"), T);

    // What a crash leaves on disk: the files as they are while the store is open.
    Path crashed = Files.createDirectories(dir.resolve("crashed"));
    for (String name :
        new String[] {"defaults.db", "defaults.db-wal", "defaults.db.highwater", "secret.key"}) {
      if (Files.exists(dir.resolve(name))) {
        Files.copy(dir.resolve(name), crashed.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path wal = crashed.resolve("defaults.db-wal");
    assertThat(Files.size(wal)).isGreaterThan(PAGE * 4L);
    byte[] garbage = new byte[PAGE];
    new Random(11).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(wal.toFile(), "rw")) {
      f.seek(Files.size(wal) / 3);
      f.write(garbage);
    }

    assertThatThrownBy(() -> open(config(crashed)).close())
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("fewer writes than it had committed")
        .hasMessageContaining("-wal")
        .hasMessageContaining("sqlite.allowLostWrites=true");
    assertThatThrownBy(() -> open(config(crashed)).close())
        .as("refused again: the refusal kept the mark")
        .hasMessageContaining("fewer writes than it had committed");
    try (JdbcDefaultsStore told = open(allowingLostWrites(crashed))) {
      assertThat(told.find("last", Context.EMPTY)).as("lost with the damaged frames").isEmpty();
    }
    open(config(crashed)).close();
  }

  @Test
  void intactCrashImage_startsAsUsual() throws Exception {
    store = open(config(dir));
    fill(store, 5);
    clock.advance(Duration.ofMillis(HighWaterMark.PERIOD));
    store.put(DefaultSpec.of("last", "one"), T);
    Path crashed = Files.createDirectories(dir.resolve("crashed"));
    for (String name : new String[] {"defaults.db", "defaults.db-wal", "defaults.db.highwater"}) {
      Files.copy(dir.resolve(name), crashed.resolve(name));
    }
    try (JdbcDefaultsStore copy = open(config(crashed))) {
      assertThat(copy.find("last", Context.EMPTY)).isPresent();
    }
  }
}
