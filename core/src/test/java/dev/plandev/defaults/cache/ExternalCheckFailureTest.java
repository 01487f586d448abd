package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** A failing look at other processes' writes neither fails a read nor leaves a stale answer. */
class ExternalCheckFailureTest {
  final TestClock clock = new TestClock();
  final LocalLevel level =
      new LocalLevel(CacheFixture.l1Only(), clock, System::nanoTime, new SimpleMeterRegistry());
  final LocalCache.Slot slot = new LocalCache.Slot("db.host", "{}");

  @Test
  void aFailingCheck_emptiesTheCache_andTheReadGoesOn() {
    AtomicBoolean failing = new AtomicBoolean();
    level.watchExternalWrites(
        () -> {
          if (failing.get()) {
            throw new StorageException("cannot read the recent writes: the database is locked");
          }
          return Set.of();
        });
    level.noticeExternalWrites(); // the first look, while it works
    level.resolutions().put(slot, Optional.empty(), level.resolutions().ticket());
    assertThat(level.resolutions().get(slot)).isNotNull();

    failing.set(true);
    clock.advance(Duration.ofMillis(CachedDefaultsStore.EXTERNAL_CHECK_MS));
    assertThatCode(level::noticeExternalWrites).doesNotThrowAnyException();
    assertThat(level.resolutions().get(slot))
        .as("what others wrote is unknown, so nothing cached may be served")
        .isNull();

    failing.set(false);
    level.resolutions().put(slot, Optional.empty(), level.resolutions().ticket());
    clock.advance(Duration.ofMillis(CachedDefaultsStore.EXTERNAL_CHECK_MS));
    level.noticeExternalWrites();
    assertThat(level.resolutions().get(slot)).as("a working check keeps the cache").isNotNull();
  }
}
