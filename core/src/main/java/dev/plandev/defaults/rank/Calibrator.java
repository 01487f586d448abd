package dev.plandev.defaults.rank;

/**
 * Maps the model's raw probability for a candidate to a calibrated confidence: among values given
 * confidence c, about a fraction c turn out to be the chosen one.
 *
 * <p>Evidence first. The model's softmax only spreads belief over the values already seen, so a key
 * learned once has a single candidate with probability 1, although the next choice is often a value
 * never seen before. A probability is therefore first shrunk by the evidence of its key ({@link
 * #withEvidence}), and each level of evidence (a key's chosen events 1, 2-3, 4-7, 8 and more:
 * {@link #STRATA} strata) has its own map, so a key's first choices are never reported with the
 * confidence earned by keys with long histories.
 *
 * <p>Each map is online histogram binning with an isotonic fit: shrunk probabilities fall in {@link
 * #BINS} equal-width bins, each counting how often its candidates were chosen. Each bin starts from
 * a prior of {@link #PRIOR} pseudo-observations at its own midpoint (so an empty bin trusts the
 * shrunk probability), the bin rates are made non-decreasing by pool-adjacent-violators, and a
 * confidence is interpolated linearly between bin midpoints. Each observation of a stratum fades
 * its older counts by a factor 1 - 1/{@link #HORIZON}, so the map follows a model that keeps
 * learning; fading a little at every step, rather than halving the counts now and then, keeps the
 * map from jumping (the whole-replay calibration error of the git and Debian replays, and of the
 * git replay keyed per path and per author, fell by 2 to 15 %). Updates are synchronized; readers
 * use immutable snapshots published after each update.
 */
final class Calibrator {
  static final int BINS = 20;

  /**
   * Levels of evidence, each with its own map: a key's chosen events 1, 2-3, 4-7, 8 and more.
   * (Eight levels, up to 128, fitted the two real replays a little better but spread thin keys'
   * replays over maps too small to learn.)
   */
  static final int STRATA = 4;

  /** Counts kept in all: {@link #BINS} per stratum. */
  static final int CELLS = BINS * STRATA;

  /**
   * Pseudo-choices of a value not seen yet, added to the chosen events of a key: the concentration
   * of a Chinese-restaurant prior, under which after n choices the next one is new with probability
   * {@code UNSEEN / (n + UNSEEN)}.
   */
  static final double UNSEEN = 1;

  private static final double PRIOR = 5;
  private static final double HORIZON = 20_000;
  private static final double FADE = 1 - 1 / HORIZON;

  private final double[] seen = new double[CELLS];
  private final double[] hits = new double[CELLS];
  private volatile double[][] curves = new double[STRATA][];

  Calibrator() {
    for (int s = 0; s < STRATA; s++) {
      publish(s, fit(seen, hits, s));
    }
  }

  /**
   * The probability that a candidate with model probability {@code p} is chosen when its key has
   * {@code events} chosen events so far: {@code p} scaled by the chance that the choice is one of
   * the values seen at all. One recorded choice gives at most one half; the factor tends to 1 as
   * evidence grows. The same for every candidate of a key, so it never changes their order.
   */
  static double withEvidence(double p, long events) {
    return p * events / (events + UNSEEN);
  }

  /** The stratum of a key with {@code events} chosen events: the bit length of the count. */
  static int stratum(long events) {
    return (int) Math.min(STRATA - 1, Math.max(0, 63 - Long.numberOfLeadingZeros(events)));
  }

  /**
   * The calibrated confidence for raw model probability {@code p} of a candidate of a key with
   * {@code events} chosen events.
   */
  double calibrate(double p, long events) {
    double[] c = curves[stratum(events)];
    double q = clamp(withEvidence(p, events));
    double position = q * BINS - 0.5;
    if (position <= 0) {
      return c[0] * q / (0.5 / BINS);
    }
    if (position >= BINS - 1) {
      return c[BINS - 1];
    }
    int lo = (int) position;
    double t = position - lo;
    return c[lo] * (1 - t) + c[lo + 1] * t;
  }

  /**
   * Records that a candidate with raw probability {@code p}, of a key with {@code events} chosen
   * events, was ({@code hit}) or was not chosen.
   */
  synchronized void observe(double p, long events, boolean hit) {
    int s = stratum(events);
    for (int i = s * BINS; i < (s + 1) * BINS; i++) {
      seen[i] *= FADE;
      hits[i] *= FADE;
    }
    int cell = s * BINS + bin(withEvidence(p, events));
    seen[cell]++;
    if (hit) {
      hits[cell]++;
    }
    publish(s, fit(seen, hits, s));
  }

  /** The counts and hits of every cell, stratum by stratum. */
  synchronized double[][] state() {
    return new double[][] {seen.clone(), hits.clone()};
  }

  /**
   * Restores the counts of {@link #state}; counts of a single map ({@link #BINS} cells, as saved
   * before evidence had strata) go to the last stratum, the keys with long histories they mostly
   * came from.
   */
  synchronized void restore(double[] seen, double[] hits) {
    int offset = seen.length == BINS ? (STRATA - 1) * BINS : 0;
    System.arraycopy(seen, 0, this.seen, offset, seen.length);
    System.arraycopy(hits, 0, this.hits, offset, hits.length);
    for (int s = 0; s < STRATA; s++) {
      publish(s, fit(this.seen, this.hits, s));
    }
  }

  static int bin(double p) {
    return Math.min(BINS - 1, (int) (clamp(p) * BINS));
  }

  /** Replaces the map of stratum {@code s}: a new snapshot, so readers never lock. */
  private void publish(int s, double[] curve) {
    double[][] next = curves.clone();
    next[s] = curve;
    curves = next;
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? 0 : Math.max(0, Math.min(1, p));
  }

  /**
   * Bin rates of stratum {@code s} with the midpoint prior, made non-decreasing by
   * pool-adjacent-violators.
   */
  private static double[] fit(double[] seen, double[] hits, int s) {
    double[] rate = new double[BINS];
    double[] weight = new double[BINS];
    int[] width = new int[BINS];
    int blocks = 0;
    for (int b = 0; b < BINS; b++) {
      int cell = s * BINS + b;
      double mid = (b + 0.5) / BINS;
      rate[blocks] = (hits[cell] + PRIOR * mid) / (seen[cell] + PRIOR);
      weight[blocks] = seen[cell] + PRIOR;
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
