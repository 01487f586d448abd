package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis dying, stalling and coming back under load, on a redis-server of the test's own. These use
 * the system clock: the breaker's short wait in the open state and Lettuce's reconnection both run
 * in real time, and the test polls with deadlines rather than sleeping.
 */
class RedisOutageTest {
  static final int KEYS = 20;

  @TempDir Path dir;
  final Actor alice = Actor.of("alice");
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  RedisServer server;
  final List<SmartDefaults> opened = new ArrayList<>();

  @BeforeEach
  void startRedis() throws Exception {
    server = RedisServer.start();
  }

  @AfterEach
  void stop() {
    opened.forEach(SmartDefaults::close);
    if (server != null) {
      server.close();
    }
  }

  SmartDefaults open(RedisSettings r) {
    SmartDefaults d =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()).withRedis(r),
            Clock.systemUTC(),
            registry);
    opened.add(d);
    return d;
  }

  /** Resolves the fixture's keys in a loop on another thread, noting errors and wrong answers. */
  static final class Load implements AutoCloseable {
    final AtomicLong resolves = new AtomicLong();
    final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final Thread thread;

    Load(SmartDefaults d) {
      thread =
          new Thread(
              () -> {
                for (long i = 0; running.get() && i < 50_000_000; i++) {
                  int k = (int) (i % KEYS);
                  try {
                    String v = d.resolve("key" + k, Context.EMPTY).orElseThrow().entry().value();
                    if (!v.equals("value" + k)) {
                      problems.add("key" + k + " resolved to " + v);
                    }
                  } catch (RuntimeException e) {
                    problems.add(e.toString());
                  }
                  resolves.incrementAndGet();
                }
              },
              "load");
      thread.start();
    }

    /** Waits until {@code n} more resolves have been made. */
    boolean makes(long n) {
      long target = resolves.get() + n;
      return CacheFixture.eventually(() -> resolves.get() >= target);
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join(CacheFixture.PATIENCE.toMillis());
    }
  }

  void fill(SmartDefaults d) {
    for (int k = 0; k < KEYS; k++) {
      d.store().put(DefaultSpec.of("key" + k, "value" + k), alice);
    }
  }

  static String value(SmartDefaults d, String key) {
    return d.resolve(key, Context.EMPTY).map(r -> r.entry().value()).orElse(null);
  }

  @Test
  void killedRedis_costsTheCallersNothing_andTheCacheWarmsAgainWhenItReturns() throws Exception {
    // L1 off, so that every resolve goes to Redis and meets the outage.
    SmartDefaults d =
        open(CacheFixture.withL1(CacheFixture.redis(server.port, CacheFixture.prefix()), 0));
    fill(d);
    try (Load load = new Load(d)) {
      assertThat(CacheFixture.eventually(() -> d.cacheStats().l2().hits() > 100)).isTrue();

      server.kill();

      assertThat(CacheFixture.eventually(() -> d.cacheStats().breaker().equals("OPEN")))
          .as("the breaker opens")
          .isTrue();
      CacheHealth down = d.cacheHealth();
      assertThat(down.redis()).isEqualTo(CacheHealth.Status.UNHEALTHY);
      assertThat(down.detail()).isNotEmpty();
      assertThat(load.makes(500)).as("the database answers meanwhile").isTrue();
      d.store().put(DefaultSpec.of("written.during.outage", "w"), alice);
      assertThat(value(d, "written.during.outage")).isEqualTo("w");
      long bypassedBefore = d.cacheStats().l2().bypassed();
      assertThat(load.makes(500)).isTrue();
      assertThat(d.cacheStats().l2().bypassed()).isGreaterThan(bypassedBefore);

      server.restart();

      assertThat(CacheFixture.eventually(() -> d.cacheHealth().redis() == CacheHealth.Status.UP))
          .as("the breaker closes once Redis answers: %s", d.cacheHealth())
          .isTrue();
      long hits = d.cacheStats().l2().hits();
      assertThat(CacheFixture.eventually(() -> d.cacheStats().l2().hits() > hits + 100))
          .as("hits come back")
          .isTrue();
    }
    assertThat(value(d, "written.during.outage")).isEqualTo("w");
    assertThat(d.cacheStats().redisErrors()).isPositive();
    assertThat(
            registry
                .get("plandev.cache.breaker.opened")
                .tag("reason", "failure_rate")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(registry.get("plandev.cache.breaker.state").gauge().value()).isZero();
  }

  @Test
  void stalledRedis_opensTheBreakerOnSlowCalls() throws Exception {
    // Calls slower than 100 ms are slow; the 2 s timeout keeps them from failing outright.
    RedisSettings base = CacheFixture.redis(server.port, CacheFixture.prefix());
    RedisSettings r =
        new RedisSettings(
            true,
            "127.0.0.1",
            server.port,
            "",
            0,
            base.retryDelay(),
            Duration.ofSeconds(2),
            base.keyPrefix(),
            base.ttl(),
            base.maxTtl(),
            base.negativeTtl(),
            0,
            base.l1Ttl(),
            25,
            Duration.ofMillis(100),
            Duration.ofSeconds(30),
            4);
    SmartDefaults d = open(r);
    fill(d);
    RedisClient client = RedisClient.create();
    ExecutorService callers = Executors.newFixedThreadPool(KEYS);
    try (StatefulRedisConnection<String, String> admin =
        client.connect(RedisURI.create("127.0.0.1", server.port))) {
      for (int k = 0; k < 2 * KEYS; k++) {
        value(d, "key" + k % KEYS);
      }
      assertThat(d.cacheStats().l2().hits()).as("Redis serves").isPositive();
      // Redis holds every client's commands for 1.5 s once CLIENT PAUSE has answered, so each of
      // the resolves started after it waits at least until the pause ends: slow, not failed (the
      // timeout is 2 s). A round of 20 slow calls is enough; rounds repeat only if the machine
      // was too busy to start the callers within the pause.
      assertThat(CacheFixture.eventually(() -> slowRound(admin, d, callers))).isTrue();
      try (Load load = new Load(d)) {
        assertThat(load.makes(500)).as("the database answers meanwhile").isTrue();
        assertThat(load.problems).isEmpty();
      }
    } finally {
      callers.shutdownNow();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
    assertThat(
            registry
                .get("plandev.cache.breaker.opened")
                .tag("reason", "slow_call_rate")
                .counter()
                .count())
        .isGreaterThanOrEqualTo(1);
    assertThat(d.cacheHealth().redis()).isEqualTo(CacheHealth.Status.UNHEALTHY);
    assertThat(d.cacheHealth().detail()).contains("slow call rate");
  }

  /**
   * One round of {@link #stalledRedis_opensTheBreakerOnSlowCalls}; true once the breaker is open.
   */
  private static boolean slowRound(
      StatefulRedisConnection<String, String> admin, SmartDefaults d, ExecutorService callers) {
    admin
        .sync()
        .dispatch(
            CommandType.CLIENT,
            new StatusOutput<>(StringCodec.UTF8),
            new CommandArgs<>(StringCodec.UTF8).add("PAUSE").add(1500).add("ALL"));
    List<Future<String>> calls = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      String key = "key" + k;
      calls.add(callers.submit(() -> value(d, key)));
    }
    try {
      for (int k = 0; k < KEYS; k++) {
        assertThat(calls.get(k).get()).isEqualTo("value" + k);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new AssertionError("a resolve failed while Redis was paused", e.getCause());
    }
    return d.cacheStats().breaker().equals("OPEN");
  }

  @Test
  void redisDownAtStart_theServiceWorks_andConnectsWhenRedisComesUp() throws Exception {
    server.kill();
    // L1 off, so that every resolve of d asks Redis once it is back (with L1 on, d would answer
    // from L1 and never show that it connected).
    SmartDefaults d =
        open(CacheFixture.withL1(CacheFixture.redis(server.port, CacheFixture.prefix()), 0));
    fill(d);
    assertThat(value(d, "key1")).isEqualTo("value1");
    assertThat(d.cacheHealth().redis()).isEqualTo(CacheHealth.Status.UNHEALTHY);
    assertThat(d.cacheHealth().detail()).contains("cannot connect");

    server.restart();

    assertThat(CacheFixture.eventually(() -> d.cacheHealth().redis() == CacheHealth.Status.UP))
        .isTrue();
    // Connected means: what d reads from the database it stores in Redis and reads back from
    // there. (Invalidations owed from the outage may bypass Redis for a while, hence the retries.)
    assertThat(
            CacheFixture.eventually(
                () -> "value2".equals(value(d, "key2")) && d.cacheStats().l2().hits() > 0))
        .as("d serves from Redis: %s", d.cacheStats())
        .isTrue();
    // A second instance finds d's answer there on its very first resolve.
    SmartDefaults other = open(CacheFixture.redis(server.port, d.config().redis().keyPrefix()));
    assertThat(CacheFixture.eventually(() -> other.cacheHealth().redis() == CacheHealth.Status.UP))
        .isTrue();
    assertThat(value(other, "key2")).isEqualTo("value2");
    assertThat(other.cacheStats().l2().hits()).isEqualTo(1);
  }

  @Test
  void writeWhileRedisIsStalled_reachesTheOtherInstanceOnceItAnswers() throws Exception {
    String prefix = CacheFixture.prefix();
    SmartDefaults one = open(CacheFixture.redis(server.port, prefix));
    SmartDefaults two = open(CacheFixture.redis(server.port, prefix));
    one.store().put(DefaultSpec.of("k", "v1"), alice);
    assertThat(value(one, "k")).isEqualTo("v1");
    assertThat(value(two, "k")).isEqualTo("v1");

    server.signal("STOP");
    try {
      one.store().put(DefaultSpec.of("k", "v2"), alice);
      assertThat(value(one, "k")).isEqualTo("v2");
      assertThat(one.cacheHealth().detail()).isNotEmpty();
    } finally {
      server.signal("CONT");
    }

    assertThat(CacheFixture.eventually(() -> "v2".equals(value(two, "k"))))
        .as("the owed invalidation is replayed and published")
        .isTrue();
    SmartDefaults three = open(CacheFixture.redis(server.port, prefix));
    assertThat(value(three, "k")).isEqualTo("v2");
  }

  @Test
  void invalidationLostWithRedis_isMadeUpWhenTheSubscriptionComesBack() throws Exception {
    String prefix = CacheFixture.prefix();
    SmartDefaults one = open(CacheFixture.redis(server.port, prefix));
    SmartDefaults two = open(CacheFixture.redis(server.port, prefix));
    // Written through two, so that no message about it is still on its way to two.
    two.store().put(DefaultSpec.of("k", "v1"), alice);
    assertThat(value(two, "k")).isEqualTo("v1");

    server.kill();
    one.store().put(DefaultSpec.of("k", "v2"), alice);
    assertThat(value(two, "k")).as("two's L1 cannot know yet").isEqualTo("v1");
    server.restart();

    // Well before two's L1 lifetime (60 s): two drops its L1 when it subscribes again.
    assertThat(CacheFixture.eventually(() -> "v2".equals(value(two, "k")))).isTrue();
    assertThat(CacheFixture.eventually(() -> two.cacheHealth().redis() == CacheHealth.Status.UP))
        .isTrue();
  }
}
