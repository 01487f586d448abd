package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.config.MlSettings;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.rank.Baseline;
import dev.plandev.defaults.rank.Ranker;
import dev.plandev.defaults.rank.RankerConfig;
import dev.plandev.defaults.rank.RankingException;
import dev.plandev.defaults.rank.ReplayEvaluator;
import dev.plandev.defaults.rank.ReplayEvent;
import dev.plandev.defaults.rank.ReplayReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plandev defaults eval}: the replay evaluation of DESIGN.md run on a fresh ranking engine,
 * printing its metrics (and, on request, the simple baseline rules and a report folder).
 */
@Command(
    name = "eval",
    description = {
      "Replay a file of past choices through a fresh ranking engine: each event is ranked using",
      "only earlier events, scored, then learned as chosen. Prints events, top1, top3, mrr (over",
      "the top 10), coverage, p50_us and p99_us.",
      "The engine takes threshold, updatePeriod and batchSize from the ml settings but starts",
      "empty: the model file (ml.modelPath) is never read or written.",
      "A replay line is {\"ts\": ISO-8601, \"key\": str, \"context\": {str: str}, \"value\": str},",
      "oldest first; FILE may be gzipped (.gz)."
    },
    mixinStandardHelpOptions = true)
final class EvalCommand implements Callable<Integer> {
  /** Names of the strategies in output, the engine first. */
  static final String ENGINE = "engine";

  /** Replays shorter than this finish in about a second; they get no progress lines. */
  private static final int LONG_REPLAY = 10_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--replay",
      required = true,
      paramLabel = "FILE",
      description = "Replay file, JSON lines (.jsonl or .jsonl.gz)")
  Path replay;

  @Option(
      names = "--json",
      description = {
        "Print only the metrics object as JSON; with --baselines, an object of such objects",
        "keyed by strategy (engine, most_used_in_context, most_recent, field_votes_with_decay)"
      })
  boolean json;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description =
          "Also write DIR/metrics.json, DIR/reliability.md and DIR/report.html (accuracy over"
              + " time and a reliability diagram)")
  Path reportDir;

  @Option(
      names = "--baselines",
      description = "Also evaluate the three simple rules the engine must beat, side by side")
  boolean baselines;

  @Override
  public Integer call() {
    Invocation invocation = Invocation.of(spec);
    Path file = invocation.environment().resolve(replay);
    RankerConfig config = rankerConfig(invocation.config().config().ml());
    PrintWriter err = spec.commandLine().getErr();
    boolean progress = invocation.environment().terminal();

    List<ReplayEvent> events = ReplayFile.read(file);
    long start = System.nanoTime();
    Map<String, ReplayReport> reports = new LinkedHashMap<>();
    reports.put(
        ENGINE,
        evaluate(
            file,
            () ->
                ReplayEvaluator.evaluate(
                    watched(events, ENGINE, progress, err),
                    Ranker.create(config, invocation.environment().clock()))));
    // The engine's time alone: it is the figure people compare between runs and versions.
    double seconds = (System.nanoTime() - start) / 1e9;
    if (baselines) {
      for (Baseline b : Baseline.values()) {
        String name = b.name().toLowerCase(Locale.ROOT);
        reports.put(
            name,
            evaluate(
                file, () -> ReplayEvaluator.evaluate(watched(events, name, progress, err), b)));
      }
    }

    if (reportDir != null) {
      Path dir = invocation.environment().resolve(reportDir);
      EvalReport.write(dir, file, reports, seconds);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(baselines ? keyedJson(reports) : reports.get(ENGINE).toJson());
      return 0;
    }
    printSummary(out, file, reports, seconds);
    return 0;
  }

  /** The engine's settings: the ml section for what it has, the engine's defaults otherwise. */
  static RankerConfig rankerConfig(MlSettings ml) {
    try {
      // modelPath stays null on purpose: an evaluation must not touch the live model.
      return RankerConfig.builder()
          .confidenceThreshold(ml.threshold())
          .updatePeriod(ml.updatePeriod())
          .batchSize(ml.batchSize())
          .build();
    } catch (RankingException e) {
      throw new InvalidInputException("ml", e.getMessage());
    }
  }

  /** Runs one replay; an engine failure becomes a failure of the command (exit 1). */
  private static ReplayReport evaluate(Path file, Supplier<ReplayReport> run) {
    try {
      return run.get();
    } catch (RankingException e) {
      throw new PlandevException("replay of " + file + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * The events as the evaluator sees them, printing progress on {@code err} at most every 10%.
   *
   * <p>The evaluator has no progress callback; it reads the list once, in order, one {@code get}
   * per event before ranking it, so the index it asks for is how far the replay has got. A list
   * read otherwise would only make the progress lines wrong, never the metrics.
   */
  private static List<ReplayEvent> watched(
      List<ReplayEvent> events, String name, boolean enabled, PrintWriter err) {
    if (!enabled || events.size() < LONG_REPLAY) {
      return events;
    }
    return new Progress(events, name, err);
  }

  private static String keyedJson(Map<String, ReplayReport> reports) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, ReplayReport> e : reports.entrySet()) {
      sb.append(sb.length() > 1 ? ",\n " : "\n ")
          .append('"')
          .append(e.getKey())
          .append("\": ")
          .append(e.getValue().toJson());
    }
    return sb.append("\n}").toString();
  }

  private static void printSummary(
      PrintWriter out, Path file, Map<String, ReplayReport> reports, double seconds) {
    ReplayReport engine = reports.get(ENGINE);
    out.printf(
        Locale.ROOT,
        "replay %s: %,d events, engine replay %.1f s (fresh engine, model file untouched)%n%n",
        file,
        engine.events(),
        seconds);
    out.printf(
        Locale.ROOT,
        "%-24s %6s %6s %6s %8s %8s %8s%n",
        "strategy",
        "top1",
        "top3",
        "mrr",
        "coverage",
        "p50_us",
        "p99_us");
    for (Map.Entry<String, ReplayReport> e : reports.entrySet()) {
      ReplayReport r = e.getValue();
      out.printf(
          Locale.ROOT,
          "%-24s %6.3f %6.3f %6.3f %8.3f %8.1f %8.1f%n",
          e.getKey(),
          r.top1(),
          r.top3(),
          r.mrr(),
          r.coverage(),
          r.p50Us(),
          r.p99Us());
    }
    double ece = engine.expectedCalibrationError();
    if (!Double.isNaN(ece)) {
      out.printf(
          Locale.ROOT,
          "%ncalibration of the first value's confidence: ECE %.3f%n%s",
          ece,
          engine.reliabilityTable());
    }
  }

  /** A view of the events that reports how far the replay has got, every 10% at most. */
  private static final class Progress extends AbstractList<ReplayEvent> implements RandomAccess {
    private final List<ReplayEvent> events;
    private final String name;
    private final PrintWriter err;
    private final int step;
    private int next;

    Progress(List<ReplayEvent> events, String name, PrintWriter err) {
      this.events = events;
      this.name = name;
      this.err = err;
      this.step = Math.max(1, (events.size() + 9) / 10);
      this.next = step;
    }

    @Override
    public ReplayEvent get(int index) {
      if (index + 1 >= next) {
        err.printf(
            Locale.ROOT,
            "eval %s: %d%% (%,d of %,d events)%n",
            name,
            Math.min(100, 100L * (index + 1) / events.size()),
            index + 1,
            events.size());
        err.flush();
        next = index + 1 + step;
      }
      return events.get(index);
    }

    @Override
    public int size() {
      return events.size();
    }
  }
}
