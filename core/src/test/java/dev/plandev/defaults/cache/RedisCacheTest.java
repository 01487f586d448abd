package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.testing.Services;
import dev.plandev.defaults.testing.TestClock;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * L2 on the machine's Redis (127.0.0.1:6379), each test under a key prefix of its own that it
 * removes afterwards: two {@link SmartDefaults} on one SQLite file stand for two instances of the
 * service, each with its own L1.
 */
class RedisCacheTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();
  final Actor alice = Actor.of("alice");
  final String prefix = CacheFixture.prefix();
  RedisClient client;
  RedisCommands<String, String> redis;
  SmartDefaults one;
  SmartDefaults two;

  @BeforeEach
  void connect() {
    Services.requireRedis();
    client = RedisClient.create();
    StatefulRedisConnection<String, String> c = client.connect(RedisURI.create("127.0.0.1", 6379));
    redis = c.sync();
    one = open(CacheFixture.redis(6379, prefix));
    two = open(CacheFixture.redis(6379, prefix));
  }

  SmartDefaults open(RedisSettings r) {
    return SmartDefaults.open(
        PlandevConfig.defaults().withDataDir(dir.toString()).withRedis(r), clock);
  }

  @AfterEach
  void close() {
    for (SmartDefaults d : new SmartDefaults[] {one, two}) {
      if (d != null) {
        d.close();
      }
    }
    if (redis != null) {
      for (int db = 0; db < 3; db++) {
        redis.select(db);
        List<String> mine = ownKeys();
        if (!mine.isEmpty()) {
          redis.unlink(mine.toArray(new String[0]));
        }
      }
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
  }

  List<String> ownKeys() {
    List<String> keys = new ArrayList<>();
    io.lettuce.core.ScanCursor cursor = io.lettuce.core.ScanCursor.INITIAL;
    do {
      io.lettuce.core.KeyScanCursor<String> page =
          redis.scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }

  String key(String contextJson, String key) {
    return new RedisKeys(prefix).resolution(contextJson, key);
  }

  static String value(SmartDefaults d, String key, Context c) {
    return d.resolve(key, c).map(r -> r.entry().value()).orElse(null);
  }

  static CachedDefaultsStore cache(SmartDefaults d) {
    return (CachedDefaultsStore) d.store();
  }

  boolean cached(String contextJson, String key) {
    redis.select(0);
    return redis.exists(key(contextJson, key)) == 1;
  }

  @Test
  void secondInstance_answersFromL2_whatTheFirstCached() {
    one.store().put(DefaultSpec.of("plan.author", "ada"), alice);
    assertThat(value(one, "plan.author", Context.EMPTY)).isEqualTo("ada");
    assertThat(CacheFixture.eventually(() -> cached("{}", "plan.author"))).isTrue();

    assertThat(value(two, "plan.author", Context.EMPTY)).isEqualTo("ada");

    CacheStats stats = two.cacheStats();
    assertThat(stats.l1().misses()).isEqualTo(1);
    assertThat(stats.l2().hits()).isEqualTo(1);
    assertThat(stats.l2().hitRatio()).isEqualTo(1.0);
    assertThat(one.cacheStats().l2().misses()).isEqualTo(1);
    assertThat(two.cacheHealth()).isEqualTo(new CacheHealth(CacheHealth.Status.UP, "CLOSED", ""));
  }

  @Test
  void writeOnOneInstance_isSeenOnTheOther() {
    Context prod = Context.of("env", "prod");
    one.store().put(DefaultSpec.of("db.host", "old"), alice);
    assertThat(value(one, "db.host", prod)).isEqualTo("old");
    assertThat(value(two, "db.host", prod)).isEqualTo("old");
    assertThat(value(two, "db.host", prod)).as("now in two's L1").isEqualTo("old");

    one.store().put(DefaultSpec.of("db.host", "new").withContext(prod), alice);

    assertThat(CacheFixture.eventually(() -> "new".equals(value(two, "db.host", prod))))
        .as("two sees one's write (how soon: InvalidationDelayBenchmark)")
        .isTrue();
    assertThat(value(one, "db.host", prod)).isEqualTo("new");
    assertThat(value(two, "db.host", Context.EMPTY)).isEqualTo("old");
  }

  @Test
  void noDefault_isCachedInL2_andACreateElsewhereEndsIt() {
    assertThat(one.resolve("late.key", Context.EMPTY)).isEmpty();
    assertThat(CacheFixture.eventually(() -> cached("{}", "late.key"))).isTrue();
    redis.select(0);
    assertThat(redis.pttl(key("{}", "late.key"))).isBetween(1L, 10_000L);
    assertThat(two.resolve("late.key", Context.EMPTY)).isEmpty();
    assertThat(two.cacheStats().l2().hits()).isEqualTo(1);

    one.store().create(DefaultSpec.of("late.key", "x"), alice);

    assertThat(CacheFixture.eventually(() -> "x".equals(value(two, "late.key", Context.EMPTY))))
        .isTrue();
  }

  @Test
  void staleAnswerStoredAfterAWrite_isNeverServed() {
    DefaultEntry v1 = one.store().put(DefaultSpec.of("k", "v1"), alice);
    Resolution old = new Resolution(v1, 0, 1);
    // A reader of two looks up L2 and misses, then reads the database just before a write ...
    RedisResolutions tier = cache(two).redis().resolutions();
    RedisResolutions.Lookup miss = tier.lookup("k", "{}");
    assertThat(miss.outcome()).isEqualTo(RedisResolutions.Outcome.MISS);
    one.store().put(DefaultSpec.of("k", "v2"), alice);
    // ... and stores its stale answer after the write's invalidation.
    tier.fill("k", "{}", miss.tag(), old);
    assertThat(CacheFixture.eventually(() -> cached("{}", "k"))).isTrue();

    assertThat(tier.lookup("k", "{}").outcome()).isEqualTo(RedisResolutions.Outcome.MISS);
    assertThat(value(two, "k", Context.EMPTY)).isEqualTo("v2");
  }

  @Test
  void corruptValue_isDeletedAndReadThrough() {
    one.store().put(DefaultSpec.of("k", "good"), alice);
    assertThat(value(one, "k", Context.EMPTY)).isEqualTo("good");
    assertThat(CacheFixture.eventually(() -> cached("{}", "k"))).isTrue();
    redis.select(0);
    redis.set(key("{}", "k"), "{not json at all");

    assertThat(value(two, "k", Context.EMPTY)).isEqualTo("good");

    assertThat(two.cacheStats().corruptValues()).isEqualTo(1);
    assertThat(
            CacheFixture.eventually(
                () -> {
                  String v = redis.get(key("{}", "k"));
                  return v != null && v.contains("\"good\"");
                }))
        .as("deleted, then filled again from the database")
        .isTrue();
    redis.set(key("{}", "k"), "{\"v\":1,\"tag\":\"0/0\",\"found\":true}");
    try (SmartDefaults three = open(CacheFixture.redis(6379, prefix))) {
      assertThat(value(three, "k", Context.EMPTY)).isEqualTo("good");
      assertThat(three.cacheStats().corruptValues()).isEqualTo(1);
    }
  }

  @Test
  void secrets_neverReachRedis() {
    String secret = "s3cr3t-" + System.nanoTime();
    one.store().put(DefaultSpec.of("api.token", secret).withSecret(true), alice);
    one.store().put(DefaultSpec.of("plain", "p"), alice);
    assertThat(value(one, "api.token", Context.EMPTY)).isEqualTo(secret);
    assertThat(value(one, "plain", Context.EMPTY)).isEqualTo("p");
    assertThat(CacheFixture.eventually(() -> cached("{}", "plain"))).isTrue();
    assertThat(value(two, "api.token", Context.EMPTY)).isEqualTo(secret);

    redis.select(0);
    for (String k : ownKeys()) {
      assertThat(redis.get(k)).as(k).doesNotContain(secret);
    }
    assertThat(cached("{}", "api.token")).isFalse();
  }

  @Test
  void lifetime_isStretchedForUsedEntries_andEndsAtExpiry() {
    one.store().put(DefaultSpec.of("used", "u"), alice);
    for (int i = 0; i < 9; i++) {
      one.feedback(new Feedback("used", Context.EMPTY, "u", Outcome.ACCEPTED, "u", "cli"));
    }
    one.store()
        .put(DefaultSpec.of("expiring", "e").withExpiresAt(clock.instant().plusSeconds(90)), alice);
    assertThat(one.resolve("used", Context.EMPTY).orElseThrow().entry().usageCount()).isEqualTo(9);
    assertThat(value(one, "expiring", Context.EMPTY)).isEqualTo("e");
    assertThat(CacheFixture.eventually(() -> cached("{}", "expiring"))).isTrue();
    assertThat(CacheFixture.eventually(() -> cached("{}", "used"))).isTrue();

    redis.select(0);
    assertThat(redis.pttl(key("{}", "used"))).isBetween(3_600_001L, 7_200_000L);
    assertThat(redis.pttl(key("{}", "expiring"))).isBetween(1L, 90_000L);
  }

  @Test
  void longContext_isNamedByItsHash() {
    Map<String, String> fields = new TreeMap<>();
    for (int i = 0; i < 10; i++) {
      fields.put("field" + i, "a-rather-long-value-" + i);
    }
    Context big = Context.of(fields);
    assertThat(big.toJson().length()).isGreaterThan(RedisKeys.MAX_CONTEXT_CHARS);
    one.store().put(DefaultSpec.of("k", "v"), alice);
    assertThat(value(one, "k", big)).isEqualTo("v");
    String name = key(big.toJson(), "k");
    assertThat(name).startsWith(prefix + "def:h:").endsWith(":k").hasSizeLessThan(60);
    assertThat(CacheFixture.eventually(() -> cached(big.toJson(), "k"))).isTrue();
    assertThat(value(two, "k", big)).isEqualTo("v");
    assertThat(two.cacheStats().l2().hits()).isEqualTo(1);
  }
}
