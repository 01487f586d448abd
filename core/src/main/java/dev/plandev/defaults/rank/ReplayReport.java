package dev.plandev.defaults.rank;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The scores of one replay evaluation (DESIGN.md, "Replay evaluation"): ranking accuracy of the
 * true value, coverage, rank latency, calibration of the top value's confidence, and accuracy over
 * time.
 *
 * @param events number of events scored
 * @param top1 fraction of events whose true value was ranked first
 * @param top3 fraction of events whose true value was in the first three
 * @param mrr mean reciprocal rank of the true value over the first ten (0 when not in them)
 * @param coverage fraction of events whose true value was among the candidates at all
 * @param p50Us median rank latency, microseconds
 * @param p99Us 99th percentile rank latency, microseconds
 * @param reliability confidence of the first-ranked value against how often it was right, by bin
 *     (empty for baselines, which give no confidence)
 * @param accuracyOverTime top-1 and MRR over consecutive windows of events, for a chart
 */
public record ReplayReport(
    int events,
    double top1,
    double top3,
    double mrr,
    double coverage,
    double p50Us,
    double p99Us,
    List<ReliabilityBin> reliability,
    List<AccuracyPoint> accuracyOverTime) {

  public ReplayReport {
    reliability = List.copyOf(reliability);
    accuracyOverTime = List.copyOf(accuracyOverTime);
  }

  /**
   * One confidence bin of the reliability table.
   *
   * @param from lower bound of the bin (inclusive)
   * @param to upper bound of the bin
   * @param count predictions whose confidence fell in the bin
   * @param meanConfidence their mean confidence
   * @param observedFrequency the fraction of them that were the chosen value
   */
  public record ReliabilityBin(
      double from, double to, int count, double meanConfidence, double observedFrequency) {}

  /**
   * Accuracy over one window of consecutive events.
   *
   * @param toEvent index (exclusive) of the window's last event in the replay
   * @param ts time of the window's last event
   * @param top1 top-1 accuracy within the window
   * @param mrr mean reciprocal rank within the window
   */
  public record AccuracyPoint(int toEvent, Instant ts, double top1, double mrr) {}

  /** Expected calibration error: the count-weighted mean gap between confidence and frequency. */
  public double expectedCalibrationError() {
    long n = 0;
    double gap = 0;
    for (ReliabilityBin b : reliability) {
      n += b.count();
      gap += b.count() * Math.abs(b.meanConfidence() - b.observedFrequency());
    }
    return n == 0 ? Double.NaN : gap / n;
  }

  /**
   * How often the first value was right among the predictions whose confidence was at least {@code
   * confidence} (a bin bound, such as 0.8); NaN when there were none.
   */
  public double precisionAtLeast(double confidence) {
    long n = 0;
    double hits = 0;
    for (ReliabilityBin b : reliability) {
      if (b.from() >= confidence - 1e-9) {
        n += b.count();
        hits += b.count() * b.observedFrequency();
      }
    }
    return n == 0 ? Double.NaN : hits / n;
  }

  /** How many predictions had a confidence of at least {@code confidence} (a bin bound). */
  public long countAtLeast(double confidence) {
    long n = 0;
    for (ReliabilityBin b : reliability) {
      if (b.from() >= confidence - 1e-9) {
        n += b.count();
      }
    }
    return n;
  }

  /** The report's figures as the JSON object of DESIGN.md (reliability and series left out). */
  public String toJson() {
    return String.format(
        Locale.ROOT,
        "{\"events\": %d, \"top1\": %.4f, \"top3\": %.4f, \"mrr\": %.4f, \"coverage\": %.4f,"
            + " \"p50_us\": %.1f, \"p99_us\": %.1f}",
        events,
        top1,
        top3,
        mrr,
        coverage,
        p50Us,
        p99Us);
  }

  /** The reliability table as aligned text lines. */
  public String reliabilityTable() {
    StringBuilder sb = new StringBuilder("confidence bin   count  mean conf  observed\n");
    for (ReliabilityBin b : reliability) {
      sb.append(
          String.format(
              Locale.ROOT,
              "[%.1f, %.1f)  %8d  %9.3f  %8.3f%n",
              b.from(),
              b.to(),
              b.count(),
              b.meanConfidence(),
              b.observedFrequency()));
    }
    return sb.toString();
  }
}
