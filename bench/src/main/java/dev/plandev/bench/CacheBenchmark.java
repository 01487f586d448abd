package dev.plandev.bench;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.config.TracingSettings;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.server.Telemetry;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Resolve latency through the cache on a SQLite store of 1,000 keys (7 entries each), one thread,
 * random key in one of 6 two-field contexts:
 *
 * <ul>
 *   <li>{@code database}: no cache at all (L1 off, no Redis), the baseline;
 *   <li>{@code l1}: L1 only, every resolve after the first is an L1 hit;
 *   <li>{@code l1+l2}: L1 and Redis (the machine's, 127.0.0.1:6379);
 *   <li>{@code l2}: L1 off, every resolve is an L2 hit in Redis;
 *   <li>{@code redis-down}: L1 off, Redis killed so the breaker is open: reads go to the database.
 * </ul>
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar CacheBenchmark}. Targets: an L1 hit under 2
 * µs; {@code redis-down} within 20% of {@code database}. The Redis modes need the machine's Redis
 * and {@code /usr/bin/redis-server} (the benchmark starts and kills one of its own).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 3, time = 5)
public class CacheBenchmark {
  static final int KEYS = 1_000;
  static final String[] PROJECTS = {"web", "api", "cli"};
  static final String[] ENVS = {"dev", "prod"};

  @Param({"database", "l1", "l1+l2", "l2", "redis-down"})
  public String mode;

  /**
   * {@code off} (the default, as in the service); {@code -p tracing=off,on,unsampled} measures the
   * engine's spans: {@code on} records every one (sampler ratio 1, exported in batches to an
   * exporter that drops them), {@code unsampled} makes them with ratio 0.
   */
  @Param({"off"})
  public String tracing;

  Telemetry telemetry = Telemetry.OFF;

  Path dir;
  SmartDefaults defaults;
  Process ownRedis;
  final String[] keys = new String[KEYS];
  final List<Context> contexts = new ArrayList<>();

  @Setup(Level.Trial)
  public void open() throws Exception {
    dir = Files.createTempDirectory("plandev-cache-bench");
    RedisSettings base = PlandevConfig.defaults().redis();
    String prefix = "bench" + Long.toString(System.nanoTime(), 36) + ":";
    RedisSettings redis =
        switch (mode) {
          case "database" -> settings(base, false, base.port(), prefix, 0);
          case "l1" -> settings(base, false, base.port(), prefix, base.l1MaxBytes());
          case "l1+l2" -> settings(base, true, 6379, prefix, base.l1MaxBytes());
          case "l2" -> settings(base, true, 6379, prefix, 0);
          case "redis-down" -> settings(base, true, startOwnRedis(), prefix, 0);
          default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    if (redis.enabled() && !reachable(redis.port())) {
      throw new IllegalStateException("Redis is not answering on port " + redis.port());
    }
    defaults =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()).withRedis(redis),
            Clock.systemUTC());
    if (!tracing.equals("off")) {
      telemetry =
          Telemetry.of(
              BatchSpanProcessor.builder(new DroppingExporter()).build(),
              new TracingSettings(
                  true, "http://127.0.0.1:4318/v1/traces", tracing.equals("on") ? 1 : 0, "bench"));
      defaults.trace(telemetry.tracing());
    }
    fill();
    for (String p : PROJECTS) {
      for (String e : ENVS) {
        contexts.add(Context.of("project", p, "env", e));
      }
    }
    // Every (key, context) once to fill the caches, then again so that the timed loop only hits.
    for (int pass = 0; pass < 2; pass++) {
      for (String k : keys) {
        for (Context c : contexts) {
          defaults.resolve(k, c);
        }
      }
    }
    if (ownRedis != null) {
      ownRedis.toHandle().destroyForcibly();
      ownRedis.waitFor();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!defaults.cacheStats().breaker().equals("OPEN") && System.nanoTime() < deadline) {
        resolve();
      }
    }
    System.out.printf("%n%s before measuring: %s%n", mode, defaults.cacheStats());
  }

  private static RedisSettings settings(
      RedisSettings b, boolean enabled, int port, String prefix, long l1MaxBytes) {
    return new RedisSettings(
        enabled,
        b.host(),
        port,
        b.password(),
        b.maxRetries(),
        b.retryDelay(),
        b.timeout(),
        prefix,
        b.ttl(),
        b.maxTtl(),
        b.negativeTtl(),
        l1MaxBytes,
        b.l1Ttl(),
        b.breakerFailureRate(),
        b.breakerSlowCall(),
        b.breakerWaitInOpen(),
        b.breakerMinimumCalls());
  }

  private int startOwnRedis() throws IOException, InterruptedException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ownRedis =
        new ProcessBuilder(
                "/usr/bin/redis-server",
                "--save",
                "",
                "--appendonly",
                "no",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!reachable(port) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return port;
  }

  private static boolean reachable(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private void fill() {
    Actor actor = Actor.of("bench");
    List<BatchOperation> ops = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) {
      keys[k] = "svc.key" + k;
      ops.add(BatchOperation.upsert(DefaultSpec.of(keys[k], "g" + k)));
      for (String p : PROJECTS) {
        ops.add(
            BatchOperation.upsert(
                DefaultSpec.of(keys[k], p + k).withContext(Context.of("project", p))));
      }
      for (String e : ENVS) {
        ops.add(
            BatchOperation.upsert(
                DefaultSpec.of(keys[k], e + k).withContext(Context.of("env", e))));
      }
      if (ops.size() >= 900) {
        defaults.store().batch(ops, true, actor);
        ops.clear();
      }
    }
    defaults.store().batch(ops, true, actor);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    System.out.printf("%n%s after measuring: %s%n", mode, defaults.cacheStats());
    defaults.close();
    telemetry.close();
    if (ownRedis != null) {
      ownRedis.toHandle().destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Takes spans and drops them: the cost measured is the engine's, not an exporter's. */
  static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** One resolve of a random key in a random two-field context (prebuilt, so not measured). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object resolve() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return defaults.resolve(keys[r.nextInt(KEYS)], contexts.get(r.nextInt(contexts.size())));
  }
}
