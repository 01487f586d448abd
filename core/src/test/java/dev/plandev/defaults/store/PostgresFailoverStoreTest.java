package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.testing.ReplicatedPostgres;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store alone through a failover (the service's is {@code PostgresFailoverTest} in server): a
 * primary killed with SIGKILL, then its synchronous standby promoted. While no primary answers, the
 * store is not ready and a write that could not get a connection says that nothing was written;
 * after the promotion it serves again with every committed write, without being reopened.
 */
class PostgresFailoverStoreTest {
  @TempDir Path dir;

  @Test
  void primaryKilled_standbyPromoted_storeServesAgain_withItsCommittedWrites() throws Exception {
    try (ReplicatedPostgres pg = ReplicatedPostgres.start();
        JdbcDefaultsStore store =
            JdbcDefaultsStore.open(
                PlandevConfig.defaults()
                    .withDataDir(dir.toString())
                    .withPostgres(
                        new PostgresSettings(true, pg.failoverUrl(), pg.user(), "", "plandev", 2)),
                new TestClock(),
                new SimpleMeterRegistry())) {
      DefaultEntry before = store.put(DefaultSpec.of("before", "v"), Actor.of("t"));
      assertThat(store.whyNotReady()).isEmpty();

      pg.killPrimary();
      assertThat(store.whyNotReady()).contains("the database server cannot be reached");
      // The first write after the kill may still find a pooled connection, dead; the next one
      // finds none: the pool could not connect, so nothing reached any server.
      assertThatThrownBy(() -> store.put(DefaultSpec.of("lost", "v"), Actor.of("t")))
          .isInstanceOf(StorageException.class);
      assertThatThrownBy(() -> store.put(DefaultSpec.of("lost", "v"), Actor.of("t")))
          .isInstanceOf(StorageException.class)
          .satisfies(
              e ->
                  assertThat(((StorageException) e).publicReason())
                      .isEqualTo(
                          "the database server cannot be reached; nothing was written: no"
                              + " connection to the server could be had"));
      assertThat(store.health().connection().status()).isEqualTo(StoreHealth.Status.DOWN);

      pg.promoteStandby();
      assertThat(store.whyNotReady()).isEmpty();
      // The pool connects again on its own retry schedule (how soon is the service test's figure).
      await("the store reads again")
          .atMost(Duration.ofSeconds(60))
          .ignoreExceptions()
          .until(() -> store.find(before.id()).map(DefaultEntry::value).orElse(""), "v"::equals);
      store.put(DefaultSpec.of("after", "v"), Actor.of("t"));
      assertThat(store.health().connection().status()).isEqualTo(StoreHealth.Status.UP);
      assertThat(store.health().writes().status()).isEqualTo(StoreHealth.Status.UP);
      assertThat(store.health().lastOutage().failedCalls()).isGreaterThanOrEqualTo(3);
    }
  }
}
