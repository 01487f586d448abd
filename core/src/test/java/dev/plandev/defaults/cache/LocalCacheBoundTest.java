package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** L1 bounded by the estimated bytes of its values, with time from a ticker, never a sleep. */
class LocalCacheBoundTest {
  final TestClock clock = new TestClock();
  final AtomicLong nanos = new AtomicLong(1);
  final Duration ttl = Duration.ofSeconds(60);

  Optional<Resolution> answer(String key, String value, Context context) {
    DefaultEntry e =
        new DefaultEntry(
            1,
            key,
            value,
            ValueType.STRING,
            null,
            context,
            1.0,
            0,
            0,
            null,
            clock.instant(),
            clock.instant(),
            null,
            false,
            false,
            1);
    return Optional.of(new Resolution(e, context.size(), 1));
  }

  LocalCache<Optional<Resolution>> resolutions(long maxBytes) {
    return LocalCache.create(maxBytes, RetainedBytes::ofResolution, nanos::get, ttl, (s, v) -> ttl);
  }

  @Test
  void weight_growsWithTheStringsOfTheAnswer() {
    Context prodWeb = Context.of("env", "prod", "project", "web");
    int small = RetainedBytes.ofResolution(answer("k", "v", Context.EMPTY));
    int longValue = RetainedBytes.ofResolution(answer("k", "v" + "x".repeat(1000), Context.EMPTY));
    int withContext = RetainedBytes.ofResolution(answer("k", "v", prodWeb));

    assertThat(longValue - small).isBetween(1000, 1008);
    assertThat(withContext - small)
        .as("two fields, their strings and the context's JSON")
        .isGreaterThan(2 * 40 + prodWeb.toJson().length());
    assertThat(RetainedBytes.ofResolution(Optional.empty())).as("the shared empty").isZero();
    assertThat(RetainedBytes.ofSlot(new LocalCache.Slot("k", prodWeb.toJson())))
        .isGreaterThan(RetainedBytes.PER_VALUE + prodWeb.toJson().length());
  }

  @Test
  void weight_ofPredictions_countsReasonsAndContributions() {
    Prediction bare = new Prediction("Ada", 0.9, true, "", Map.of());
    Prediction explained =
        new Prediction("Ada", 0.9, true, "chosen 12 times here", Map.of("recency", 0.4));
    int one = RetainedBytes.ofPredictions(List.of(bare));
    assertThat(RetainedBytes.ofPredictions(List.of(bare, bare))).isGreaterThan(one + 40);
    assertThat(RetainedBytes.ofPredictions(List.of(explained)))
        .isGreaterThan(one + "chosen 12 times here".length() + "recency".length());
  }

  @Test
  void bound_keepsTheEstimatedBytesUnderTheSetting() {
    Context c = Context.of("env", "prod");
    LocalCache.Slot first = new LocalCache.Slot("svc.key0", c.toJson());
    int each =
        RetainedBytes.ofSlot(first) + RetainedBytes.ofResolution(answer("svc.key0", "v0", c));
    LocalCache<Optional<Resolution>> cache = resolutions(50L * each);

    for (int i = 0; i < 200; i++) {
      String key = "svc.key" + i;
      cache.put(new LocalCache.Slot(key, c.toJson()), answer(key, "v" + i, c), cache.ticket());
      cache.cleanUp();
      assertThat(cache.bytes()).isLessThanOrEqualTo(50L * each);
    }
    assertThat(cache.size()).isBetween(40L, 50L);
    assertThat(cache.evictions()).isGreaterThanOrEqualTo(150);
  }

  @Test
  void expiredValues_leaveTheBound_whenTheTickerPassesTheirLifetime() {
    LocalCache<Optional<Resolution>> cache = resolutions(1 << 20);
    cache.put(new LocalCache.Slot("k", "{}"), answer("k", "v", Context.EMPTY), cache.ticket());
    cache.cleanUp();
    assertThat(cache.bytes()).isPositive();

    nanos.addAndGet(ttl.toNanos() - 1);
    cache.cleanUp();
    assertThat(cache.bytes()).isPositive();
    nanos.addAndGet(1);
    assertThat(cache.get(new LocalCache.Slot("k", "{}"))).isNull();
    // Caffeine drops expired values in buckets of about a second of its timer wheel.
    nanos.addAndGet(Duration.ofSeconds(2).toNanos());
    cache.cleanUp();
    assertThat(cache.bytes()).isZero();
  }

  @Test
  void setting_givesPredictionsAQuarter_andZeroTurnsL1Off() {
    RedisSettings r = CacheFixture.withL1(CacheFixture.l1Only(), 1 << 16);
    LocalLevel l1 = new LocalLevel(r, clock, nanos::get, new SimpleMeterRegistry());
    List<Prediction> ranked =
        List.of(new Prediction("x".repeat(500), 0.5, false, "y".repeat(500), Map.of()));
    for (int i = 0; i < 100; i++) {
      l1.predictions().put(new LocalCache.Slot("k" + i, "{}#3"), ranked, l1.predictions().ticket());
    }
    l1.predictions().cleanUp();
    assertThat(l1.predictions().bytes()).isPositive().isLessThanOrEqualTo((1 << 16) / 4);
    assertThat(l1.level().enabled()).isTrue();

    LocalLevel off =
        new LocalLevel(
            CacheFixture.withL1(CacheFixture.l1Only(), 0),
            clock,
            nanos::get,
            new SimpleMeterRegistry());
    assertThat(off.level().enabled()).isFalse();
    assertThat(off.resolutions().get(new LocalCache.Slot("k", "{}"), () -> Optional.empty()))
        .isEmpty();
    assertThat(off.resolutions().bytes()).isZero();
  }
}
