package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.testing.Await;
import dev.plandev.defaults.testing.Services;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stores on one PostgreSQL schema, as two instances without Redis would be: what one writes,
 * the other's feed hears by key once it commits, and only then; a lost connection makes the feed
 * say "cannot tell" until it listens again.
 */
class PostgresWriteFeedTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor actor = Actor.of("test");
  String schema;
  JdbcDefaultsStore reader;
  JdbcDefaultsStore writer;
  Supplier<Set<String>> feed;

  @BeforeEach
  void open() {
    schema = Services.freshPostgresSchema();
    PlandevConfig config = Services.postgresConfig(dir, schema);
    reader = JdbcDefaultsStore.open(config, clock, new SimpleMeterRegistry());
    writer = JdbcDefaultsStore.open(config, clock, new SimpleMeterRegistry());
    feed = reader.externalWrites();
    awaitComplete();
  }

  @AfterEach
  void close() {
    reader.close();
    writer.close();
    Services.dropPostgresSchema(schema);
  }

  /** Looks until a look can tell every key again (the first ones cannot: nobody listened yet). */
  void awaitComplete() {
    Await.until("the feed listens", Await.GENEROUS, () -> feed.get() != null);
  }

  /** Looks until {@code expected} were all heard; returns everything heard meanwhile. */
  Set<String> heard(String... expected) {
    Set<String> all = new HashSet<>();
    Await.until(
        "the reader hears " + List.of(expected) + " (heard so far: " + all + ")",
        Await.GENEROUS,
        () -> {
          Set<String> keys = feed.get();
          assertThat(keys).as("a look while connected tells the keys").isNotNull();
          all.addAll(keys);
          return all.containsAll(List.of(expected));
        });
    return all;
  }

  @Test
  void writesOfAnotherStore_areHeardByKey() {
    writer.put(DefaultSpec.of("db.host", "a"), actor);
    DefaultEntry moved = writer.put(DefaultSpec.of("old.key", "v"), actor);
    writer.update(moved.id(), moved.version(), DefaultSpec.of("new.key", "v"), actor);
    writer.recordUsage(
        new Feedback("plan.author", Context.of("user", "ada"), "Ada", Outcome.CHOSEN, null, "t"));
    writer.batch(List.of(BatchOperation.upsert(DefaultSpec.of("batch.one", "1"))), true, actor);

    assertThat(heard("db.host", "old.key", "new.key", "plan.author", "batch.one"))
        .containsOnly("db.host", "old.key", "new.key", "plan.author", "batch.one");
  }

  @Test
  void rolledBackWrites_areNotHeard_apiKeysAreNotAWriteOfDefaults() {
    BatchResult failed =
        writer.batch(
            List.of(
                BatchOperation.upsert(DefaultSpec.of("never.written", "1")),
                BatchOperation.delete("ghost", Context.EMPTY)),
            true,
            actor);
    assertThat(failed.applied()).isFalse();
    writer.apiKeys().create("ci", Role.READER, actor);
    writer.put(DefaultSpec.of("marker", "1"), actor);

    // Notices arrive in commit order: once the marker is heard, the rest would have been too.
    assertThat(heard("marker")).containsOnly("marker");
  }

  @Test
  void keyRotation_meansEverything() {
    writer.rotateKey(actor);
    Await.until("a look answers 'cannot tell'", Await.GENEROUS, () -> feed.get() == null);
    writer.put(DefaultSpec.of("after", "1"), actor);
    assertThat(heard("after")).containsOnly("after");
  }

  @Test
  void lostConnection_cannotTell_thenListensAgain() throws Exception {
    try (Connection admin = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "");
        PreparedStatement kill =
            admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = ?")) {
      kill.setString(1, "plandev write feed " + schema);
      try (ResultSet rs = kill.executeQuery()) {
        assertThat(rs.next()).as("the reader's feed has a connection").isTrue();
      }
    }
    // Written while nobody listens: only "cannot tell" covers it.
    writer.put(DefaultSpec.of("during.outage", "1"), actor);
    Await.until("a look answers 'cannot tell'", Await.GENEROUS, () -> feed.get() == null);
    awaitComplete();
    writer.put(DefaultSpec.of("after.outage", "1"), actor);
    assertThat(heard("after.outage")).contains("after.outage");
  }
}
