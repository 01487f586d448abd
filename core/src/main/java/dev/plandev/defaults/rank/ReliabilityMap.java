package dev.plandev.defaults.rank;

/**
 * One online reliability map: probabilities fall in {@link #BINS} equal-width bins, each counting
 * how often its candidates turned out to be the chosen one, and a bin's rate is the confidence of
 * the probabilities that fall in it.
 *
 * <p>Each bin starts from {@code priorWeight} pseudo-observations at a rate set by its {@link
 * Prior}, so an empty bin answers something sensible; the bin rates are made non-decreasing by
 * pool-adjacent-violators, so a higher probability never reads as a lower confidence. Each
 * observation fades the older counts by a factor 1 - 1/{@code horizon}, so the map follows a model
 * that keeps learning. The map is read either {@link #interpolated} between bin midpoints (smooth,
 * for a map fed with few observations) or {@link #stepped} (the bin's own rate: among the
 * probabilities of a bin, about that rate are chosen, which is what calibration asks).
 *
 * <p>Not synchronized: its owner serializes the changes ({@link #observe}, {@link #absorb}, {@link
 * #restore}); readers use the immutable curve published after each change.
 */
final class ReliabilityMap {
  static final int BINS = 20;

  /** Where the pseudo-observations of an empty bin put its rate. */
  enum Prior {
    /** At the bin's midpoint: an empty bin trusts the probability it is given. */
    MIDPOINT,
    /** At the bin's lower bound: an empty bin never claims more than the least it holds. */
    LOWER_BOUND
  }

  private final Prior prior;
  private final double priorWeight;
  private final double fade;
  private final double[] seen = new double[BINS];
  private final double[] hits = new double[BINS];
  private volatile double[] curve;

  ReliabilityMap(Prior prior, double priorWeight, double horizon) {
    this.prior = prior;
    this.priorWeight = priorWeight;
    this.fade = 1 - 1 / horizon;
    this.curve = fit();
  }

  /** The bin of probability {@code q}. */
  static int bin(double q) {
    return Math.min(BINS - 1, (int) (clamp(q) * BINS));
  }

  static double clamp(double q) {
    return Double.isNaN(q) ? 0 : Math.max(0, Math.min(1, q));
  }

  /** The confidence of {@code q}, linear between the rates at the bin midpoints. */
  double interpolated(double q) {
    double[] c = curve;
    double x = clamp(q);
    double position = x * BINS - 0.5;
    if (position <= 0) {
      return c[0] * x / (0.5 / BINS);
    }
    if (position >= BINS - 1) {
      return c[BINS - 1];
    }
    int lo = (int) position;
    double t = position - lo;
    return c[lo] * (1 - t) + c[lo + 1] * t;
  }

  /** The confidence of {@code q}: the rate of its bin. */
  double stepped(double q) {
    return curve[bin(q)];
  }

  /** Records that a candidate at probability {@code q} was ({@code hit}) or was not chosen. */
  void observe(double q, boolean hit) {
    for (int b = 0; b < BINS; b++) {
      seen[b] *= fade;
      hits[b] *= fade;
    }
    int b = bin(q);
    seen[b]++;
    if (hit) {
      hits[b]++;
    }
    curve = fit();
  }

  /**
   * Adds the counts of {@code source} to this map, each of its bins at the confidence {@code
   * source} gives the bin's midpoint: what this map would have counted had it been fed the
   * confidences of {@code source} (rebuilding a map a model file did not hold).
   */
  void absorb(ReliabilityMap source) {
    for (int b = 0; b < BINS; b++) {
      int to = bin(source.interpolated((b + 0.5) / BINS));
      seen[to] += source.seen[b];
      hits[to] += source.hits[b];
    }
    curve = fit();
  }

  /** Copies the counts and hits into {@code seen} and {@code hits} from {@code offset}. */
  void copyTo(double[] seen, double[] hits, int offset) {
    System.arraycopy(this.seen, 0, seen, offset, BINS);
    System.arraycopy(this.hits, 0, hits, offset, BINS);
  }

  /** Replaces the counts and hits by those of {@code seen} and {@code hits} from {@code offset}. */
  void restore(double[] seen, double[] hits, int offset) {
    System.arraycopy(seen, offset, this.seen, 0, BINS);
    System.arraycopy(hits, offset, this.hits, 0, BINS);
    curve = fit();
  }

  /** Bin rates with the prior, made non-decreasing by pool-adjacent-violators. */
  private double[] fit() {
    double[] rate = new double[BINS];
    double[] weight = new double[BINS];
    int[] width = new int[BINS];
    int blocks = 0;
    for (int b = 0; b < BINS; b++) {
      double at = prior == Prior.MIDPOINT ? (b + 0.5) / BINS : (double) b / BINS;
      rate[blocks] = (hits[b] + priorWeight * at) / (seen[b] + priorWeight);
      weight[blocks] = seen[b] + priorWeight;
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
    double[] fitted = new double[BINS];
    int b = 0;
    for (int i = 0; i < blocks; i++) {
      for (int k = 0; k < width[i]; k++) {
        fitted[b++] = rate[i];
      }
    }
    return fitted;
  }
}
