package dev.plandev.defaults.rank;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Runs the replay protocol of DESIGN.md over a list of events: for each event in order, rank the
 * values for its key and context using only earlier events, score the rank of the true value, then
 * learn the event as chosen.
 *
 * <p>{@link #main} prints the engine and every {@link Baseline} side by side for replay files given
 * as arguments, with the first and second halves reported separately.
 */
public final class ReplayEvaluator {
  static final int DEPTH = 10;
  private static final int WINDOWS = 50;
  private static final int RELIABILITY_BINS = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ReplayEvaluator() {}

  /** Reads a replay file (JSON lines, gzipped when the name ends in {@code .gz}), oldest first. */
  public static List<ReplayEvent> read(Path file) {
    List<ReplayEvent> events = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (!line.isBlank()) {
          events.add(parse(line, file, number));
        }
      }
    } catch (IOException e) {
      throw new RankingException("cannot read replay " + file + ": " + e.getMessage(), e);
    }
    return events;
  }

  /** Replays every event through {@code ranker} and scores all of them. */
  public static ReplayReport evaluate(List<ReplayEvent> events, Ranker ranker) {
    return run(events, ReplayStrategy.of(ranker), events.size()).report(0, events.size());
  }

  /**
   * Replays events {@code [0, to)} through {@code ranker} and scores only {@code [from, to)}: the
   * engine still learns every earlier event, as it would in production.
   */
  public static ReplayReport evaluate(List<ReplayEvent> events, Ranker ranker, int from, int to) {
    checkRange(events, from, to);
    return run(events, ReplayStrategy.of(ranker), to).report(from, to);
  }

  /** Replays every event through a fresh instance of {@code baseline} and scores all of them. */
  public static ReplayReport evaluate(List<ReplayEvent> events, Baseline baseline) {
    return run(events, baseline.newStrategy(), events.size()).report(0, events.size());
  }

  /** Prints the engine against the baselines for each replay file given. */
  public static void main(String[] args) {
    if (args.length == 0) {
      System.err.println("usage: ReplayEvaluator <replay.jsonl[.gz]>...");
      System.exit(2);
    }
    PrintStream out = System.out;
    for (String arg : args) {
      Path file = Path.of(arg);
      List<ReplayEvent> events = read(file);
      out.println("== " + file + " (" + events.size() + " events)");
      int half = events.size() / 2;
      Map<String, Run> runs = new LinkedHashMap<>();
      long start = System.nanoTime();
      runs.put(
          "engine",
          run(
              events,
              ReplayStrategy.of(Ranker.create(RankerConfig.defaults(), Clock.systemUTC())),
              events.size()));
      out.printf(Locale.ROOT, "engine replay took %.1f s%n", (System.nanoTime() - start) / 1e9);
      for (Baseline b : Baseline.values()) {
        runs.put(b.name().toLowerCase(Locale.ROOT), run(events, b.newStrategy(), events.size()));
      }
      out.printf(
          Locale.ROOT,
          "%-24s %-6s %6s %6s %6s %6s %8s %8s%n",
          "strategy",
          "part",
          "top1",
          "top3",
          "mrr",
          "cover",
          "p50_us",
          "p99_us");
      for (Map.Entry<String, Run> e : runs.entrySet()) {
        print(out, e.getKey(), "all", e.getValue().report(0, events.size()));
        print(out, e.getKey(), "first", e.getValue().report(0, half));
        print(out, e.getKey(), "second", e.getValue().report(half, events.size()));
      }
      ReplayReport engine = runs.get("engine").report(0, events.size());
      out.println(engine.toJson());
      out.printf(
          Locale.ROOT,
          "reliability of the first value's confidence (ECE %.3f):%n%s",
          engine.expectedCalibrationError(),
          engine.reliabilityTable());
      out.println("accuracy over time (window end, date, top1, mrr):");
      for (ReplayReport.AccuracyPoint p : engine.accuracyOverTime()) {
        out.printf(
            Locale.ROOT,
            "%7d  %s  %.3f  %.3f%n",
            p.toEvent(),
            p.ts().atZone(ZoneOffset.UTC).toLocalDate(),
            p.top1(),
            p.mrr());
      }
    }
  }

  private static void print(PrintStream out, String name, String part, ReplayReport r) {
    out.printf(
        Locale.ROOT,
        "%-24s %-6s %6.3f %6.3f %6.3f %6.3f %8.1f %8.1f%n",
        name,
        part,
        r.top1(),
        r.top3(),
        r.mrr(),
        r.coverage(),
        r.p50Us(),
        r.p99Us());
  }

  /** Runs the protocol over events {@code [0, to)} and keeps what happened to each event. */
  static Run run(List<ReplayEvent> events, ReplayStrategy strategy, int to) {
    Run run = new Run(events, to);
    for (int i = 0; i < to; i++) {
      ReplayEvent event = events.get(i);
      run.covered[i] = strategy.covers(event);
      long start = System.nanoTime();
      List<RankedValue> ranked = strategy.rank(event, DEPTH);
      run.nanos[i] = System.nanoTime() - start;
      run.rank[i] = -1;
      for (int r = 0; r < ranked.size(); r++) {
        if (ranked.get(r).value().equals(event.value())) {
          run.rank[i] = r;
          break;
        }
      }
      run.confidence[i] = ranked.isEmpty() ? Double.NaN : ranked.get(0).confidence();
      strategy.learn(event);
    }
    return run;
  }

  private static void checkRange(List<ReplayEvent> events, int from, int to) {
    if (from < 0 || to > events.size() || from > to) {
      throw new RankingException(
          "scored range [" + from + ", " + to + ") is outside the " + events.size() + " events");
    }
  }

  private static ReplayEvent parse(String line, Path file, int number) {
    try {
      JsonNode node = JSON.readTree(line);
      Map<String, String> context = new LinkedHashMap<>();
      JsonNode c = node.path("context");
      c.fields().forEachRemaining(e -> context.put(e.getKey(), e.getValue().asText()));
      return new ReplayEvent(
          Instant.parse(node.get("ts").asText()),
          node.get("key").asText(),
          context,
          node.get("value").asText());
    } catch (IOException | RuntimeException e) {
      throw new RankingException(
          "bad replay line " + number + " of " + file + ": " + e.getMessage(), e);
    }
  }

  /** What happened to each event of one run of the protocol. */
  static final class Run {
    final List<ReplayEvent> events;
    final int[] rank;
    final boolean[] covered;
    final double[] confidence;
    final long[] nanos;

    Run(List<ReplayEvent> events, int to) {
      this.events = events;
      this.rank = new int[to];
      this.covered = new boolean[to];
      this.confidence = new double[to];
      this.nanos = new long[to];
    }

    ReplayReport report(int from, int to) {
      int n = to - from;
      if (n <= 0) {
        return new ReplayReport(0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
      }
      double top1 = 0;
      double top3 = 0;
      double mrr = 0;
      double coverage = 0;
      for (int i = from; i < to; i++) {
        top1 += rank[i] == 0 ? 1 : 0;
        top3 += rank[i] >= 0 && rank[i] < 3 ? 1 : 0;
        mrr += rank[i] >= 0 ? 1.0 / (rank[i] + 1) : 0;
        coverage += covered[i] ? 1 : 0;
      }
      long[] sorted = Arrays.copyOfRange(nanos, from, to);
      Arrays.sort(sorted);
      return new ReplayReport(
          n,
          top1 / n,
          top3 / n,
          mrr / n,
          coverage / n,
          sorted[(int) Math.min(n - 1, Math.floor(0.50 * n))] / 1e3,
          sorted[(int) Math.min(n - 1, Math.floor(0.99 * n))] / 1e3,
          reliability(from, to),
          windows(from, to));
    }

    private List<ReplayReport.ReliabilityBin> reliability(int from, int to) {
      int[] count = new int[RELIABILITY_BINS];
      double[] conf = new double[RELIABILITY_BINS];
      double[] hits = new double[RELIABILITY_BINS];
      for (int i = from; i < to; i++) {
        if (Double.isNaN(confidence[i])) {
          continue;
        }
        int b = Math.min(RELIABILITY_BINS - 1, (int) (confidence[i] * RELIABILITY_BINS));
        count[b]++;
        conf[b] += confidence[i];
        hits[b] += rank[i] == 0 ? 1 : 0;
      }
      List<ReplayReport.ReliabilityBin> bins = new ArrayList<>();
      for (int b = 0; b < RELIABILITY_BINS; b++) {
        if (count[b] > 0) {
          bins.add(
              new ReplayReport.ReliabilityBin(
                  (double) b / RELIABILITY_BINS,
                  (double) (b + 1) / RELIABILITY_BINS,
                  count[b],
                  conf[b] / count[b],
                  hits[b] / count[b]));
        }
      }
      return bins;
    }

    private List<ReplayReport.AccuracyPoint> windows(int from, int to) {
      List<ReplayReport.AccuracyPoint> points = new ArrayList<>();
      int size = Math.max(1, (to - from + WINDOWS - 1) / WINDOWS);
      for (int start = from; start < to; start += size) {
        int end = Math.min(to, start + size);
        double top1 = 0;
        double mrr = 0;
        for (int i = start; i < end; i++) {
          top1 += rank[i] == 0 ? 1 : 0;
          mrr += rank[i] >= 0 ? 1.0 / (rank[i] + 1) : 0;
        }
        int n = end - start;
        points.add(
            new ReplayReport.AccuracyPoint(end, events.get(end - 1).ts(), top1 / n, mrr / n));
      }
      return points;
    }
  }
}
