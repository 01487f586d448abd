package dev.plandev.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Whole-process times of the plan commands people run most, as they run them: {@code ./plandev
 * status} on the largest corpus plan (effort, blocked tasks and dependencies included; target under
 * 0.8 s) and {@code ./plandev find} across every corpus plan (target under 1 s). Each command runs
 * once to warm the file cache and the launcher's class archive, then {@value #RUNS} times; the
 * minimum, median and maximum wall-clock times are printed.
 *
 * <p>Run from the repository root, after building the jar (the first {@code ./plandev} call does):
 * {@code java -cp bench/target/benchmarks.jar dev.plandev.bench.PlanCommandTimes} (the corpus is
 * read from {@code ../shared/corpus/plans}, or from the system property {@code plandev.corpus}).
 */
public final class PlanCommandTimes {
  static final int RUNS = 10;

  private PlanCommandTimes() {}

  /** Times the commands and prints one line each. */
  public static void main(String[] args) throws IOException, InterruptedException {
    Path corpus = Path.of(System.getProperty("plandev.corpus", "../shared/corpus/plans"));
    Path launcher = Path.of("plandev").toAbsolutePath();
    if (!Files.isDirectory(corpus) || !Files.isExecutable(launcher)) {
      System.err.println(
          "run from the repository root (needs ./plandev and the corpus at "
              + corpus.toAbsolutePath()
              + ", or -Dplandev.corpus=DIR)");
      System.exit(2);
    }
    List<Path> plans;
    try (Stream<Path> files = Files.list(corpus)) {
      plans = files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    }
    Path largest =
        plans.stream().max(Comparator.comparingLong(PlanCommandTimes::size)).orElseThrow();
    System.out.printf(
        Locale.ROOT,
        "corpus: %d plans; largest %s (%d KB)%n",
        plans.size(),
        largest.getFileName(),
        size(largest) / 1024);
    // The JVM's start alone, to tell the commands' own work from the machine's load.
    time("--version (start-up only)", "--version");
    time("status LARGEST", "status", largest.toString());
    time("status --json LARGEST", "status", "--json", largest.toString());
    time("find redis CORPUS", "find", "redis", corpus.toString());
    time("find '' --tag time: CORPUS", "find", "", corpus.toString(), "--tag", "time:");
  }

  private static void time(String label, String... command)
      throws IOException, InterruptedException {
    run(command);
    double[] seconds = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      run(command);
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(
        Locale.ROOT,
        "%-28s min %.3f s  median %.3f s  max %.3f s  (%d runs)%n",
        label,
        seconds[0],
        (seconds[RUNS / 2 - 1] + seconds[RUNS / 2]) / 2,
        seconds[RUNS - 1],
        RUNS);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    line.add(Path.of("plandev").toAbsolutePath().toString());
    line.addAll(List.of(command));
    Process process =
        new ProcessBuilder(line)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int code = process.waitFor();
    if (code > 1) {
      throw new IllegalStateException(String.join(" ", line) + " exited " + code);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
