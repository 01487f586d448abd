package dev.plandev.defaults.rank;

/**
 * Maps the model's raw probability for a candidate to a calibrated confidence: among values given
 * confidence c, about a fraction c turn out to be the chosen one.
 *
 * <p>Online histogram binning with an isotonic fit: raw probabilities fall in {@link #BINS}
 * equal-width bins, each counting how often its candidates were chosen. Each bin starts from a
 * prior of {@link #PRIOR} pseudo-observations at its own midpoint (so an empty bin trusts the
 * model), the bin rates are made non-decreasing by pool-adjacent-violators, and a confidence is
 * interpolated linearly between bin midpoints. Counts are halved when they pass {@link #HORIZON} so
 * the map follows a model that keeps learning. Updates are synchronized; readers use an immutable
 * snapshot published after each update.
 */
final class Calibrator {
  static final int BINS = 20;
  private static final double PRIOR = 5;
  private static final double HORIZON = 20_000;

  private final double[] seen = new double[BINS];
  private final double[] hits = new double[BINS];
  private double total;
  private volatile double[] curve = fit(new double[BINS], new double[BINS]);

  /** The calibrated confidence for raw model probability {@code p}. */
  double calibrate(double p) {
    double[] c = curve;
    double position = clamp(p) * BINS - 0.5;
    if (position <= 0) {
      return c[0] * clamp(p) / (0.5 / BINS);
    }
    if (position >= BINS - 1) {
      return c[BINS - 1];
    }
    int lo = (int) position;
    double t = position - lo;
    return c[lo] * (1 - t) + c[lo + 1] * t;
  }

  /**
   * Records that a candidate with raw probability {@code p} was ({@code hit}) or was not chosen.
   */
  synchronized void observe(double p, boolean hit) {
    int b = bin(p);
    seen[b]++;
    if (hit) {
      hits[b]++;
    }
    total++;
    if (total > HORIZON) {
      for (int i = 0; i < BINS; i++) {
        seen[i] /= 2;
        hits[i] /= 2;
      }
      total /= 2;
    }
    curve = fit(seen, hits);
  }

  synchronized double[][] state() {
    return new double[][] {seen.clone(), hits.clone()};
  }

  synchronized void restore(double[] seen, double[] hits) {
    System.arraycopy(seen, 0, this.seen, 0, BINS);
    System.arraycopy(hits, 0, this.hits, 0, BINS);
    total = 0;
    for (double s : seen) {
      total += s;
    }
    curve = fit(this.seen, this.hits);
  }

  static int bin(double p) {
    return Math.min(BINS - 1, (int) (clamp(p) * BINS));
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }

  /** Bin rates with the midpoint prior, made non-decreasing by pool-adjacent-violators. */
  private static double[] fit(double[] seen, double[] hits) {
    double[] rate = new double[BINS];
    double[] weight = new double[BINS];
    int[] width = new int[BINS];
    int blocks = 0;
    for (int b = 0; b < BINS; b++) {
      double mid = (b + 0.5) / BINS;
      rate[blocks] = (hits[b] + PRIOR * mid) / (seen[b] + PRIOR);
      weight[blocks] = seen[b] + PRIOR;
      width[blocks] = 1;
      blocks++;
      while (blocks > 1 && rate[blocks - 2] > rate[blocks - 1]) {
        double w = weight[blocks - 2] + weight[blocks - 1];
        rate[blocks - 2] =
            (rate[blocks - 2] * weight[blocks - 2] + rate[blocks - 1] * weight[blocks - 1]) / w;
        weight[blocks - 2] = w;
        width[blocks - 2] += width[blocks - 1];
        blocks--;
      }
    }
    double[] curve = new double[BINS];
    int b = 0;
    for (int i = 0; i < blocks; i++) {
      for (int k = 0; k < width[i]; k++) {
        curve[b++] = rate[i];
      }
    }
    return curve;
  }
}
