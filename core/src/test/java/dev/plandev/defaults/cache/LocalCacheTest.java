package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigException;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * L1 without Redis, on a real SQLite file. A second {@link SmartDefaults} on the same file writes
 * behind the first one's back, which shows what the first one's L1 holds and for how long.
 */
class LocalCacheTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor alice = Actor.of("alice");
  SmartDefaults defaults;
  SmartDefaults other;

  SmartDefaults open(RedisSettings redis) {
    return SmartDefaults.open(
        PlandevConfig.defaults().withDataDir(dir.toString()).withRedis(redis), clock);
  }

  void openBoth() {
    defaults = open(CacheFixture.l1Only());
    other = open(CacheFixture.withL1(CacheFixture.l1Only(), 0));
  }

  @AfterEach
  void close() {
    for (SmartDefaults d : new SmartDefaults[] {defaults, other}) {
      if (d != null) {
        d.close();
      }
    }
  }

  String value(SmartDefaults d, String key, Context c) {
    return d.resolve(key, c).map(r -> r.entry().value()).orElse(null);
  }

  @Test
  void resolve_secondReadIsAnL1Hit() {
    openBoth();
    defaults.store().put(DefaultSpec.of("plan.author", "ada"), alice);
    assertThat(value(defaults, "plan.author", Context.EMPTY)).isEqualTo("ada");
    assertThat(value(defaults, "plan.author", Context.EMPTY)).isEqualTo("ada");
    CacheStats stats = defaults.cacheStats();
    assertThat(stats.l1().hits()).isEqualTo(1);
    assertThat(stats.l1().misses()).isEqualTo(1);
    assertThat(stats.l1().hitRatio()).isEqualTo(0.5);
    assertThat(stats.l2().enabled()).isFalse();
    assertThat(stats.breaker()).isEqualTo("DISABLED");
    assertThat(defaults.cacheHealth().redis()).isEqualTo(CacheHealth.Status.DISABLED);
  }

  @Test
  void writeBehindItsBack_isSeenAfterTheNextExternalCheck() {
    openBoth();
    defaults.store().put(DefaultSpec.of("db.host", "a"), alice);
    assertThat(value(defaults, "db.host", Context.EMPTY)).isEqualTo("a");
    other.store().put(DefaultSpec.of("db.host", "b"), alice);
    assertThat(value(defaults, "db.host", Context.EMPTY)).isEqualTo("a");
    // Without Redis, SQLite's data_version tells this instance another connection wrote.
    clock.advance(Duration.ofMillis(CachedDefaultsStore.EXTERNAL_CHECK_MS));
    assertThat(value(defaults, "db.host", Context.EMPTY)).isEqualTo("b");
  }

  @Test
  void write_dropsTheKeyInEveryContext_andOnlyThatKey() {
    openBoth();
    defaults.store().put(DefaultSpec.of("db.host", "global"), alice);
    defaults.store().put(DefaultSpec.of("db.port", "5432"), alice);
    Context dev = Context.of("env", "dev");
    Context prodWeb = Context.of("env", "prod", "project", "web");
    assertThat(value(defaults, "db.host", dev)).isEqualTo("global");
    assertThat(value(defaults, "db.host", prodWeb)).isEqualTo("global");
    assertThat(value(defaults, "db.port", dev)).isEqualTo("5432");
    other.store().put(DefaultSpec.of("db.port", "6543"), alice);

    defaults
        .store()
        .put(DefaultSpec.of("db.host", "prod").withContext(Context.of("env", "prod")), alice);

    assertThat(value(defaults, "db.host", prodWeb)).isEqualTo("prod");
    assertThat(value(defaults, "db.host", dev)).isEqualTo("global");
    assertThat(value(defaults, "db.port", dev)).as("another key stays cached").isEqualTo("5432");
  }

  @Test
  void noDefault_isCachedForNegativeTtl_andDroppedByACreate() {
    openBoth();
    assertThat(defaults.resolve("late.key", Context.EMPTY)).isEmpty();
    other.store().put(DefaultSpec.of("late.key", "x"), alice);
    assertThat(defaults.resolve("late.key", Context.EMPTY)).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(value(defaults, "late.key", Context.EMPTY)).isEqualTo("x");

    assertThat(defaults.resolve("later.key", Context.EMPTY)).isEmpty();
    defaults.store().create(DefaultSpec.of("later.key", "y"), alice);
    assertThat(value(defaults, "later.key", Context.EMPTY)).isEqualTo("y");
  }

  @Test
  void expiringEntry_isNeverServedPastItsExpiry() {
    openBoth();
    defaults
        .store()
        .put(DefaultSpec.of("token", "t1").withExpiresAt(clock.instant().plusSeconds(5)), alice);
    defaults.store().put(DefaultSpec.of("token", "fallback").withContext(Context.EMPTY), alice);
    defaults
        .store()
        .put(
            DefaultSpec.of("token", "t1")
                .withContext(Context.of("env", "prod"))
                .withExpiresAt(clock.instant().plusSeconds(5)),
            alice);
    Context prod = Context.of("env", "prod");
    assertThat(value(defaults, "token", prod)).isEqualTo("t1");
    clock.advance(Duration.ofMillis(4999));
    assertThat(value(defaults, "token", prod)).isEqualTo("t1");
    clock.advance(Duration.ofMillis(1));
    assertThat(value(defaults, "token", prod)).isEqualTo("fallback");
  }

  @Test
  void update_thatMovesAnEntryToAnotherKey_dropsBothKeys() {
    openBoth();
    DefaultEntry e = defaults.store().put(DefaultSpec.of("old.key", "v"), alice);
    assertThat(value(defaults, "old.key", Context.EMPTY)).isEqualTo("v");
    assertThat(defaults.resolve("new.key", Context.EMPTY)).isEmpty();
    defaults.store().update(e.id(), e.version(), DefaultSpec.of("new.key", "v"), alice);
    assertThat(defaults.resolve("old.key", Context.EMPTY)).isEmpty();
    assertThat(value(defaults, "new.key", Context.EMPTY)).isEqualTo("v");
  }

  @Test
  void deleteBatchImportAndKeyRotation_dropWhatTheyChange() {
    openBoth();
    DefaultEntry a = defaults.store().put(DefaultSpec.of("a", "1"), alice);
    defaults.store().put(DefaultSpec.of("b", "1"), alice);
    defaults.store().put(DefaultSpec.of("s", "secret-1").withSecret(true), alice);
    assertThat(value(defaults, "a", Context.EMPTY)).isEqualTo("1");
    assertThat(value(defaults, "b", Context.EMPTY)).isEqualTo("1");
    Resolution before = defaults.resolve("s", Context.EMPTY).orElseThrow();

    defaults.store().delete(a.id(), null, alice);
    assertThat(defaults.resolve("a", Context.EMPTY)).isEmpty();

    defaults.store().batch(List.of(BatchOperation.upsert(DefaultSpec.of("b", "2"))), true, alice);
    assertThat(value(defaults, "b", Context.EMPTY)).isEqualTo("2");

    other.store().put(DefaultSpec.of("s", "secret-2").withSecret(true), alice);
    assertThat(defaults.resolve("s", Context.EMPTY)).contains(before);
    defaults.store().rotateKey(alice);
    assertThat(value(defaults, "s", Context.EMPTY)).isEqualTo("secret-2");

    other.store().put(DefaultSpec.of("b", "3"), alice);
    var rows = other.store().exportAll();
    other.store().put(DefaultSpec.of("b", "4"), alice);
    assertThat(value(defaults, "b", Context.EMPTY))
        .as("rotation dropped everything")
        .isEqualTo("4");
    defaults.store().importAll(rows, false, alice);
    assertThat(value(defaults, "b", Context.EMPTY)).isEqualTo("3");
  }

  @Test
  void refusedWrite_keepsTheCache() {
    openBoth();
    defaults.store().put(DefaultSpec.of("k", "1"), alice);
    assertThat(value(defaults, "k", Context.EMPTY)).isEqualTo("1");
    try {
      defaults.store().create(DefaultSpec.of("k", "2"), alice);
    } catch (RuntimeException expected) {
      // a duplicate: nothing was written
    }
    assertThat(value(defaults, "k", Context.EMPTY)).isEqualTo("1");
    assertThat(defaults.cacheStats().l1().hits()).isEqualTo(1);
    assertThat(defaults.cacheStats().l1().misses()).isEqualTo(1);
  }

  @Test
  void predictions_areCachedUntilFeedbackOnTheKey() {
    openBoth();
    Context c = Context.of("user", "ada");
    defaults.feedback(new Feedback("plan.author", c, "Ada", Outcome.CHOSEN, null, "cli"));
    List<?> first = defaults.predict("plan.author", c, 3);
    other.feedback(new Feedback("plan.author", c, "Grace", Outcome.CHOSEN, null, "cli"));
    other.feedback(new Feedback("plan.author", c, "Grace", Outcome.CHOSEN, null, "cli"));
    assertThat(defaults.predict("plan.author", c, 3)).isEqualTo(first);
    defaults.feedback(new Feedback("plan.author", c, "Grace", Outcome.CHOSEN, null, "cli"));
    assertThat(defaults.predict("plan.author", c, 3).get(0).value()).isEqualTo("Grace");
  }

  @Test
  void l1Off_readsTheDatabaseEveryTime() {
    defaults = open(CacheFixture.withL1(CacheFixture.l1Only(), 0));
    other = open(CacheFixture.withL1(CacheFixture.l1Only(), 0));
    defaults.store().put(DefaultSpec.of("k", "1"), alice);
    assertThat(value(defaults, "k", Context.EMPTY)).isEqualTo("1");
    other.store().put(DefaultSpec.of("k", "2"), alice);
    assertThat(value(defaults, "k", Context.EMPTY)).isEqualTo("2");
    assertThat(defaults.cacheStats().l1().enabled()).isFalse();
    assertThat(defaults.cacheStats().l1().hits()).isZero();
  }

  @Test
  void badCacheSettings_areRefusedWithTheirPath() {
    RedisSettings r = CacheFixture.redis(6379, "bad prefix");
    RedisSettings shortMax =
        new RedisSettings(
            true,
            "h",
            1,
            "",
            0,
            Duration.ofMillis(1),
            Duration.ofMillis(1),
            "",
            Duration.ofHours(2),
            Duration.ofHours(1),
            Duration.ZERO,
            -1,
            Duration.ofSeconds(1),
            0,
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            0);
    PlandevConfig valid = PlandevConfig.defaults();
    assertThatThrownBy(() -> valid.withRedis(r))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid configuration: redis.keyPrefix: must be at most 64 characters of"
                + " A-Z a-z 0-9 . _ : -; got 'bad prefix'");
    assertThatThrownBy(() -> valid.withRedis(shortMax))
        .isInstanceOf(ConfigException.class)
        .hasMessageContainingAll(
            "redis.maxTtl: must be at least redis.ttl (2h)",
            "redis.negativeTtl: must be positive",
            "redis.l1MaxBytes: must be 0 (L1 off) or between 65536 and 68719476736 bytes"
                + " (64 KiB to 64 GiB)",
            "redis.breakerFailureRate: must be a percentage above 0 and at most 100",
            "redis.breakerMinimumCalls: must be between 1 and 10000");
    assertThatCode(PlandevConfig::defaults).doesNotThrowAnyException();
  }

  @Test
  void resolutionCodec_roundTripsEveryField() throws Exception {
    openBoth();
    defaults
        .store()
        .put(
            DefaultSpec.of("n", "{\"a\":1}")
                .withType(dev.plandev.defaults.model.ValueType.JSON)
                .withContext(Context.of("project", "x"))
                .withExpiresAt(clock.instant().plusSeconds(60))
                .withConfidence(0.5),
            alice);
    Resolution r = defaults.resolve("n", Context.of("project", "x", "env", "dev")).orElseThrow();
    ResolutionCodec.Decoded d = ResolutionCodec.decode(ResolutionCodec.encode("0/0", r));
    assertThat(d.tag()).isEqualTo("0/0");
    assertThat(d.resolution()).isEqualTo(r);
    assertThat(ResolutionCodec.decode(ResolutionCodec.encode("1/2", null)).resolution()).isNull();
    assertThat(Optional.ofNullable(d.resolution())).isPresent();
  }
}
