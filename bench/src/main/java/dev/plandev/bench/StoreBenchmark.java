package dev.plandev.bench;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The store on SQLite (embedded default settings, synchronous=FULL): resolve latency on a warm
 * store of 100,000 entries, and batch upsert throughput in batches of 1,000.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar StoreBenchmark}. Targets on a 2-core
 * machine: resolve p99 under 200 µs, batch upsert at least 50,000 entries/s.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class StoreBenchmark {
  static final int KEYS = 10_000;
  static final String[] PROJECTS = {"web", "api", "cli"};
  static final String[] ENVS = {"dev", "prod"};

  Path dir;
  SmartDefaults defaults;
  final Actor actor = Actor.of("bench");
  final AtomicLong fresh = new AtomicLong();

  @Setup(Level.Trial)
  public void fill() throws IOException {
    dir = Files.createTempDirectory("plandev-bench");
    defaults =
        SmartDefaults.open(PlandevConfig.defaults().withDataDir(dir.toString()), Clock.systemUTC());
    List<BatchOperation> ops = new ArrayList<>();
    long start = System.nanoTime();
    int entries = 0;
    for (int k = 0; k < KEYS; k++) {
      // 10 entries a key: global, 3 projects, 3 x 2 project+env.
      ops.add(BatchOperation.upsert(DefaultSpec.of("svc.key" + k, "g" + k)));
      for (String p : PROJECTS) {
        ops.add(
            BatchOperation.upsert(
                DefaultSpec.of("svc.key" + k, p + k).withContext(Context.of("project", p))));
        for (String e : ENVS) {
          ops.add(
              BatchOperation.upsert(
                  DefaultSpec.of("svc.key" + k, p + e + k)
                      .withContext(Context.of("project", p, "env", e))));
        }
      }
      if (ops.size() >= 1000) {
        entries += flush(ops);
      }
    }
    entries += flush(ops);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%nfilled %d entries in %.1f s (%.0f entries/s)%n", entries, seconds, entries / seconds);
  }

  private int flush(List<BatchOperation> ops) {
    if (ops.isEmpty()) {
      return 0;
    }
    BatchResult r = defaults.store().batch(ops, true, actor);
    if (r.failures() > 0) {
      throw new IllegalStateException("fill failed: " + r.items());
    }
    int n = ops.size();
    ops.clear();
    return n;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    defaults.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** One resolve of a random key in a random two-field context (project+env wins). */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object resolve() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    int k = r.nextInt(KEYS);
    Context ctx =
        Context.of(
            "project", PROJECTS[r.nextInt(PROJECTS.length)], "env", ENVS[r.nextInt(ENVS.length)]);
    return defaults.resolve("svc.key" + k, ctx).orElseThrow();
  }

  /** One atomic batch of 1,000 new entries (audit rows included); the score is per entry. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(1000)
  public Object batchUpsert() {
    List<BatchOperation> ops = new ArrayList<>(1000);
    long base = fresh.getAndAdd(1000);
    for (int i = 0; i < 1000; i++) {
      ops.add(
          BatchOperation.upsert(
              DefaultSpec.of("bulk.key" + (base + i), "v" + i)
                  .withContext(Context.of("project", "web"))));
    }
    return defaults.store().batch(ops, true, actor);
  }
}
