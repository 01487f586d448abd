package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.cache.CachedDefaultsStore;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.testing.Await;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances on one PostgreSQL schema without Redis (the README's setup): a write on one is
 * served by the other within {@link CachedDefaultsStore#EXTERNAL_CHECK_MS} ms plus the notice's
 * trip, not after the whole L1 lifetime (60 s). Real time here, since the bound is what is shown;
 * the test waits for the event with a generous deadline and prints the delays it saw.
 */
class PostgresExternalWritesTest {
  @TempDir Path dir;
  final Actor actor = Actor.of("test");
  String schema;
  SmartDefaults one;
  SmartDefaults two;

  @BeforeEach
  void open() {
    schema = Services.freshPostgresSchema();
    PlandevConfig config = Services.postgresConfig(dir, schema);
    assertThat(config.redis().enabled()).isFalse();
    one = SmartDefaults.open(config, Clock.systemUTC());
    two = SmartDefaults.open(config, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    one.close();
    two.close();
    Services.dropPostgresSchema(schema);
  }

  String servedByTwo(String key) {
    return two.resolve(key, Context.EMPTY).map(r -> r.entry().value()).orElse(null);
  }

  @Test
  void writeOnOne_isServedByTwo_withinTheCheckInterval() {
    List<Long> delaysMs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String key = "db.host" + i;
      one.store().put(DefaultSpec.of(key, "old"), actor);
      assertThat(servedByTwo(key)).isEqualTo("old"); // now in two's L1, for 60 s
      one.store().put(DefaultSpec.of(key, "new"), actor);
      long written = System.nanoTime();
      Await.until(
          "instance two serves the new value of " + key,
          Await.GENEROUS,
          () -> "new".equals(servedByTwo(key)));
      delaysMs.add((System.nanoTime() - written) / 1_000_000);
    }
    Collections.sort(delaysMs);
    System.out.printf(
        "PostgreSQL, no Redis: write on one served by two after %s ms (sorted; bound %d ms)%n",
        delaysMs, CachedDefaultsStore.EXTERNAL_CHECK_MS);
  }
}
