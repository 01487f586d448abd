package dev.plandev.bench;

import dev.plandev.defaults.rank.RankedValue;
import dev.plandev.defaults.rank.Ranker;
import dev.plandev.defaults.rank.RankerConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rank and learn latency of the ranking engine for one key holding its full 1,000 candidate values,
 * with five context fields shaped like the git commit-scope replay (author, top directory, path,
 * extension, file-count bucket), after 30,000 learned events.
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar RankBenchmark}.
 * Sample-time mode prints the latency percentiles; the target is rank p0.99 under 300 µs.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RankBenchmark {
  private static final String KEY = "commit.scope";
  private static final int VALUES = 1000;
  private static final int EVENTS = 30_000;

  Ranker ranker;
  final List<Map<String, String>> contexts = new ArrayList<>();
  final List<String> values = new ArrayList<>();
  Instant now;
  int next;

  @Setup
  public void fill() {
    ranker = Ranker.create(RankerConfig.defaults(), Clock.systemUTC());
    Random random = new Random(42);
    Instant t = Instant.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < EVENTS; i++) {
      int value = i < VALUES ? i : skewed(random, VALUES);
      int path = value * 3 + random.nextInt(3);
      Map<String, String> context =
          Map.of(
              "author", "a" + skewed(random, 200),
              "dir", "d" + path % 40,
              "path", "d" + path % 40 + "/file" + path + ".c",
              "ext", path % 7 == 0 ? "h" : "c",
              "files", String.valueOf(1 + random.nextInt(4)));
      t = t.plusSeconds(600 + random.nextInt(3600));
      ranker.learn(KEY, context, "scope" + value, true, t);
      contexts.add(context);
      values.add("scope" + value);
    }
    now = t.plusSeconds(60);
    int candidates = ranker.rank(KEY, Map.of(), VALUES + 1, now).size();
    if (candidates != VALUES) {
      throw new IllegalStateException("expected " + VALUES + " candidates, got " + candidates);
    }
  }

  @Setup(Level.Iteration)
  public void rewind() {
    next = 0;
  }

  private static int skewed(Random random, int n) {
    return (int) Math.min(n - 1, Math.floor(n * Math.pow(random.nextDouble(), 3)));
  }

  /** The ranking an HTTP request asks for: the best 10 values, explained. */
  @Benchmark
  public List<RankedValue> rank() {
    Map<String, String> context = contexts.get(next++ % EVENTS);
    return ranker.rank(KEY, context, 10, now);
  }

  /** Feedback without a preceding ranking: features are computed afresh. */
  @Benchmark
  public void learn() {
    int i = next++ % EVENTS;
    now = now.plusSeconds(1);
    ranker.learn(KEY, contexts.get(i), values.get(i), true, now);
  }
}
