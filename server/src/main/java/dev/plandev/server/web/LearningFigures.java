package dev.plandev.server.web;

import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.rank.Ranker;
import dev.plandev.defaults.rank.RankerConfig;
import dev.plandev.defaults.rank.ReplayEvaluator;
import dev.plandev.defaults.rank.ReplayEvent;
import dev.plandev.defaults.rank.ReplayReport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the recorded feedback of one key says: choices per day (suggestions accepted, overridden, or
 * values chosen with no suggestion), the accuracy of the suggestions per day (how often the value
 * chosen was the one suggested), and the calibration of the engine's confidence, measured by
 * replaying the key's choices in order through a fresh engine (each ranked before it is learned, as
 * in the replay evaluation of DESIGN.md).
 */
final class LearningFigures {
  /** Events of one key read at most (the most recent ones are kept). */
  static final int MAX_EVENTS = 20_000;

  /** Events replayed for the calibration at most: the most recent ones. */
  static final int MAX_REPLAYED = 5_000;

  private static final int PAGE = 5_000;

  /** One day's feedback. */
  record Day(
      String date,
      long accepted,
      long overridden,
      long unsuggested,
      long turnedDown,
      String accuracy,
      double hitRate) {

    long choices() {
      return accepted + overridden + unsuggested;
    }

    boolean suggested() {
      return accepted + overridden > 0;
    }
  }

  /** One confidence bin of the replay. */
  record Bin(String range, int count, String meanConfidence, String observed) {}

  final List<Day> days;
  final long events;
  final boolean truncated;
  final ReplayReport replay;
  final int replayed;

  private LearningFigures(
      List<Day> days, long events, boolean truncated, ReplayReport replay, int replayed) {
    this.days = days;
    this.events = events;
    this.truncated = truncated;
    this.replay = replay;
    this.replayed = replayed;
  }

  /** The figures of {@code key}, read from the store's usage events. */
  static LearningFigures of(DefaultsStore store, String key, double threshold, Clock clock) {
    List<UsageEvent> events = new ArrayList<>();
    boolean truncated = false;
    long after = 0;
    List<UsageEvent> page;
    do {
      page = store.usageEvents(key, after, PAGE);
      for (UsageEvent e : page) {
        after = e.id();
        events.add(e);
      }
      if (events.size() > MAX_EVENTS) {
        events.subList(0, events.size() - MAX_EVENTS).clear();
        truncated = true;
      }
    } while (page.size() == PAGE);
    List<ReplayEvent> chosen = new ArrayList<>();
    for (UsageEvent e : events) {
      if (e.outcome() != Outcome.REJECTED) {
        chosen.add(new ReplayEvent(e.at(), e.key(), e.context().fields(), e.value()));
      }
    }
    List<ReplayEvent> replayed =
        chosen.subList(Math.max(0, chosen.size() - MAX_REPLAYED), chosen.size());
    ReplayReport replay = null;
    if (!replayed.isEmpty()) {
      RankerConfig config =
          RankerConfig.defaults().toBuilder().confidenceThreshold(threshold).build();
      replay = ReplayEvaluator.evaluate(replayed, Ranker.create(config, clock));
    }
    return new LearningFigures(days(events), events.size(), truncated, replay, replayed.size());
  }

  /** The events by day (UTC), oldest first. */
  private static List<Day> days(List<UsageEvent> events) {
    Map<LocalDate, long[]> byDay = new TreeMap<>();
    for (UsageEvent e : events) {
      long[] c =
          byDay.computeIfAbsent(LocalDate.ofInstant(e.at(), ZoneOffset.UTC), d -> new long[4]);
      if (e.outcome() == Outcome.REJECTED) {
        c[3]++;
      } else if (e.outcome() == Outcome.ACCEPTED
          || (e.suggested() != null && e.suggested().equals(e.value()))) {
        c[0]++;
      } else if (e.suggested() != null) {
        c[1]++;
      } else {
        c[2]++;
      }
    }
    List<Day> out = new ArrayList<>();
    byDay.forEach(
        (date, c) -> {
          long suggested = c[0] + c[1];
          double rate = suggested == 0 ? 0 : (double) c[0] / suggested;
          out.add(
              new Day(
                  date.toString(),
                  c[0],
                  c[1],
                  c[2],
                  c[3],
                  suggested == 0 ? "–" : SvgChart.percent(rate),
                  rate));
        });
    return out;
  }

  /** Choices per day as stacked bars: accepted, overridden, chosen without a suggestion. */
  SvgChart usageChart() {
    List<SvgChart.Column> columns = new ArrayList<>();
    for (Day d : days) {
      columns.add(
          new SvgChart.Column(
              d.date(), new long[] {d.accepted(), d.overridden(), d.unsuggested()}));
    }
    return SvgChart.stacked(
        "Choices per day, from "
            + first()
            + " to "
            + last()
            + ": accepted, overridden and unsuggested",
        columns,
        List.of("accepted", "overridden", "unsuggested"));
  }

  /** The share of suggestions taken as they were, per day that had suggestions. */
  SvgChart accuracyChart() {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Day d : days) {
      if (d.suggested()) {
        names.add(d.date());
        values.add(d.hitRate());
      }
    }
    return names.isEmpty()
        ? null
        : SvgChart.fractions(
            "Share of suggestions taken as they were, per day, from "
                + names.get(0)
                + " to "
                + names.get(names.size() - 1),
            names,
            values,
            "accuracy");
  }

  /** Mean confidence against how often the first value was right, per bin of the replay. */
  SvgChart calibrationChart() {
    List<double[]> points = new ArrayList<>();
    for (ReplayReport.ReliabilityBin b : replay.reliability()) {
      if (b.count() > 0) {
        points.add(new double[] {b.meanConfidence(), b.observedFrequency()});
      }
    }
    return points.isEmpty()
        ? null
        : SvgChart.reliability(
            "Calibration: confidence of the first value against how often it was chosen", points);
  }

  List<Bin> bins() {
    List<Bin> out = new ArrayList<>();
    for (ReplayReport.ReliabilityBin b : replay.reliability()) {
      if (b.count() > 0) {
        out.add(
            new Bin(
                SvgChart.percent(b.from()) + "–" + SvgChart.percent(b.to()),
                b.count(),
                SvgChart.percent(b.meanConfidence()),
                SvgChart.percent(b.observedFrequency())));
      }
    }
    return out;
  }

  /** The replay's headline figures, as text. */
  Map<String, String> replayFigures() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("top1", SvgChart.percent(replay.top1()));
    out.put("top3", SvgChart.percent(replay.top3()));
    double ece = replay.expectedCalibrationError();
    out.put("ece", Double.isNaN(ece) ? "–" : String.format(java.util.Locale.ROOT, "%.3f", ece));
    return out;
  }

  private String first() {
    return days.isEmpty() ? "" : days.get(0).date();
  }

  private String last() {
    return days.isEmpty() ? "" : days.get(days.size() - 1).date();
  }
}
