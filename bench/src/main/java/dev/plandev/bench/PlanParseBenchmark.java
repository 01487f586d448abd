package dev.plandev.bench;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.lint.Linter;
import dev.plandev.plans.progress.ProgressSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Plan parsing on the real corpus: the largest plan (over 600 KB, about 4,000 tasks) parsed from
 * bytes in memory, the stale-line scan of {@code sync --check} over every plan, and lint of the
 * largest plan.
 *
 * <p>Run from the repository root: {@code java -jar bench/target/benchmarks.jar PlanParseBenchmark}
 * (the corpus is read from {@code ../shared/corpus/plans}, or from the system property {@code
 * plandev.corpus}). Target: parse of the largest plan under 50 ms.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlanParseBenchmark {
  Path largestPath;
  byte[] largest;
  final List<Path> paths = new ArrayList<>();
  final List<byte[]> all = new ArrayList<>();
  PlanDocument largestPlan;

  @Setup
  public void load() throws IOException {
    Path corpus = Path.of(System.getProperty("plandev.corpus", "../shared/corpus/plans"));
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException(
          "no plan corpus at "
              + corpus.toAbsolutePath()
              + "; run from the repository root or"
              + " pass -Dplandev.corpus=DIR");
    }
    try (Stream<Path> files = Files.list(corpus)) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(paths::add);
    }
    for (Path path : paths) {
      all.add(Files.readAllBytes(path));
    }
    largestPath = paths.stream().max(Comparator.comparingLong(PlanParseBenchmark::size)).get();
    largest = Files.readAllBytes(largestPath);
    largestPlan = PlanDocument.parse(largestPath, largest);
  }

  /** Parse of the largest plan from bytes already in memory (target: under 50 ms). */
  @Benchmark
  public PlanDocument parseLargest() {
    return PlanDocument.parse(largestPath, largest);
  }

  /** What {@code sync --check} does per plan, over every plan of the corpus. */
  @Benchmark
  public void syncCheckCorpus(Blackhole hole) {
    for (int i = 0; i < all.size(); i++) {
      PlanDocument plan = PlanDocument.parse(paths.get(i), all.get(i));
      hole.consume(ProgressSync.staleLines(plan));
    }
  }

  /** All lint rules over the already parsed largest plan. */
  @Benchmark
  public Object lintLargest() {
    return Linter.lint(largestPlan);
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
