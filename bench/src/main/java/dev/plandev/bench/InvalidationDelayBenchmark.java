package dev.plandev.bench;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How soon a write through one instance is served by another that held the old value in its L1 and
 * in Redis: two {@link SmartDefaults} on one SQLite file and the machine's Redis (127.0.0.1:6379),
 * each with its own L1. One operation writes a new value through {@code one}, then resolves through
 * {@code two} until it answers the new value; the sample distribution (p50, p99) is the
 * write-to-visible delay.
 *
 * <p>This figure used to be an assertion of RedisCacheTest ("within 100 ms") and TwoInstancesTest
 * (2 s), which failed on a loaded machine; the tests now only check that the write is seen.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar InvalidationDelayBenchmark}. Target: p99
 * under 100 ms on an idle machine.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class InvalidationDelayBenchmark {
  static final String KEY = "bench.shared";

  Path dir;
  SmartDefaults one;
  SmartDefaults two;
  long version;
  final Actor actor = Actor.of("bench");

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("plandev-invalidation-bench");
    String prefix = "bench" + Long.toString(System.nanoTime(), 36) + ":";
    RedisSettings r = PlandevConfig.defaults().redis();
    RedisSettings redis =
        new RedisSettings(
            true,
            r.host(),
            r.port(),
            r.password(),
            r.maxRetries(),
            r.retryDelay(),
            r.timeout(),
            prefix,
            r.ttl(),
            r.maxTtl(),
            r.negativeTtl(),
            r.l1MaxBytes(),
            r.l1Ttl(),
            r.breakerFailureRate(),
            r.breakerSlowCall(),
            r.breakerWaitInOpen(),
            r.breakerMinimumCalls());
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString()).withRedis(redis);
    one = SmartDefaults.open(config, Clock.systemUTC());
    two = SmartDefaults.open(config, Clock.systemUTC());
    one.store().put(DefaultSpec.of(KEY, "v0"), actor);
  }

  /** Writes the next value through one, and asks two until two serves it. */
  @Benchmark
  public String writeThenSeenByTheOther() {
    // two holds the current value in L1 (and Redis) before the write.
    String current = "v" + version;
    while (!current.equals(value(two))) {
      Thread.onSpinWait();
    }
    String next = "v" + (++version);
    one.store().put(DefaultSpec.of(KEY, next), actor);
    String seen;
    do {
      seen = value(two);
    } while (!next.equals(seen));
    return seen;
  }

  private static String value(SmartDefaults d) {
    return d.resolve(KEY, Context.EMPTY).map(r -> r.entry().value()).orElse(null);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    one.close();
    two.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
