package dev.plandev.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.cache.CachedDefaultsStore;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without Redis, a write by another process on the same SQLite file (here: another SmartDefaults,
 * which has its own connections just as another process would) reaches this one's L1 within {@link
 * CachedDefaultsStore#EXTERNAL_CHECK_MS}, not after the whole L1 lifetime.
 */
class ExternalWritesTest {
  @TempDir Path dir;

  @Test
  void writeByAnotherStoreOnTheSameFile_isServedAfterTheNextCheck() {
    TestClock clock = new TestClock();
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString());
    try (SmartDefaults server = SmartDefaults.open(config, clock);
        SmartDefaults cli = SmartDefaults.open(config, clock)) {
      cli.store().put(DefaultSpec.of("db.host", "old"), Actor.of("cli"));
      assertThat(server.resolve("db.host", Context.EMPTY).orElseThrow().entry().value())
          .isEqualTo("old");
      cli.store().put(DefaultSpec.of("db.host", "new"), Actor.of("cli"));
      assertThat(server.resolve("db.host", Context.EMPTY).orElseThrow().entry().value())
          .as("within the check interval L1 may still answer")
          .isEqualTo("old");
      clock.advance(Duration.ofMillis(CachedDefaultsStore.EXTERNAL_CHECK_MS));
      assertThat(server.resolve("db.host", Context.EMPTY).orElseThrow().entry().value())
          .isEqualTo("new");
    }
  }
}
