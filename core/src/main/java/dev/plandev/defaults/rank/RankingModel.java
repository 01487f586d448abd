package dev.plandev.defaults.rank;

/**
 * The learned scoring function: a conditional-logit (softmax) ranking model over the candidate
 * values of a key, with weights shared by all keys and corrections per key.
 *
 * <pre>
 * Algorithm
 * ---------
 * For a request (key, context, time) every candidate c gets a feature vector from FeatureTable:
 * x_c (global features, same meaning for every key) and z_c,f (per-field features, meaningful
 * only for the fields of this key). Its score is
 *
 *     s_c = (w + d_key) . x_c  +  sum over fields f of u_key,f . z_c,f
 *
 * and P(c) = exp(s_c) / sum_j exp(s_j) (softmax over the candidates). w is the global weight
 * vector, the shared prior: a key never seen before is ranked by w alone. d_key and u_key start
 * at zero and learn what is particular to the key (which fields predict its values); an L2 pull
 * keeps d_key near zero unless the key's own data says otherwise.
 *
 * Learning is online, one event at a time, minimising the log loss of the chosen value,
 * -log P(chosen). The gradient with respect to the scores is P(c) - [c = chosen], so
 * each weight moves by the difference between the expected and the observed feature value.
 * A rejected suggestion minimises -log(1 - P(rejected)) instead. Steps use AdaGrad (a step size
 * per weight, shrinking with the squared gradients seen): it needs no tuning of a schedule and
 * copes with features on different scales.
 *
 * Why this model: the softmax over the actual candidates is trained on exactly the decision the
 * engine makes (which value among these), its probabilities are close to calibrated by
 * construction (log loss is a proper scoring rule; Calibrator corrects the rest), and each score
 * is a sum of weight x feature terms, so every ranking explains itself. The optimiser is written
 * here (about forty lines) because no well-kept Java library offers an online conditional logit
 * with per-group weights without pulling in a large framework.
 * </pre>
 *
 * <p>Thread-safety: global weights are published as a fresh array on each update (readers take a
 * consistent snapshot without locking); per-key weights are guarded by the key's lock ({@link
 * KeyState}).
 */
final class RankingModel {
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double regularization;
  private volatile double[] weights = new double[FeatureTable.G];
  private final double[] squares = new double[FeatureTable.G];

  RankingModel(double learningRate, double regularization) {
    this.learningRate = learningRate;
    this.regularization = regularization;
  }

  /** A consistent snapshot of the global weights; do not modify. */
  double[] globalWeights() {
    return weights;
  }

  /** The score of every row of {@code table}. */
  static double[] scores(FeatureTable table, double[] global, KeyModel key) {
    int g = FeatureTable.G;
    double[] w = new double[g];
    for (int j = 0; j < g; j++) {
      w[j] = global[j] + key.delta[j];
    }
    double[] s = new double[table.n];
    double[] x = table.global;
    for (int c = 0; c < table.n; c++) {
      double sum = 0;
      int o = c * g;
      for (int j = 0; j < g; j++) {
        sum += w[j] * x[o + j];
      }
      s[c] = sum;
    }
    int f = FeatureTable.F;
    for (int i = 0; i < table.rows.length; i++) {
      int base = table.fieldNumbers[i] * f;
      if (base >= key.field.length) {
        continue;
      }
      int[] row = table.rows[i];
      for (int e = 0; e < row.length; e++) {
        s[row[e]] += table.dot(i, e, key.field, base);
      }
    }
    return s;
  }

  /** The probability the model gives each row of {@code table}: the softmax of its scores. */
  static double[] probabilities(FeatureTable table, double[] global, KeyModel key) {
    return softmax(scores(table, global, key));
  }

  /** Indices of the {@code k} largest probabilities, largest first. */
  static int[] top(double[] p, int k) {
    int[] best = new int[k];
    int filled = 0;
    for (int i = 0; i < p.length; i++) {
      if (filled < k) {
        best[filled++] = i;
      } else if (p[i] > p[best[k - 1]]) {
        best[k - 1] = i;
      } else {
        continue;
      }
      for (int j = filled - 1; j > 0 && p[best[j]] > p[best[j - 1]]; j--) {
        int tmp = best[j];
        best[j] = best[j - 1];
        best[j - 1] = tmp;
      }
    }
    return best;
  }

  /** Softmax of {@code scores}, in place safe (returns a new array). */
  static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double[] p = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      p[i] = Math.exp(scores[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /**
   * One online step on an event where row {@code target} of {@code table} was chosen ({@code
   * chosen}) or rejected, given the probabilities the current weights assign.
   */
  void learn(FeatureTable table, KeyModel key, double[] probabilities, int target, boolean chosen) {
    double[] d = new double[table.n];
    if (chosen) {
      for (int c = 0; c < table.n; c++) {
        d[c] = probabilities[c];
      }
      d[target] -= 1;
    } else {
      double pt = Math.min(probabilities[target], 1 - 1e-9);
      double factor = pt / (1 - pt);
      for (int c = 0; c < table.n; c++) {
        d[c] = -factor * probabilities[c];
      }
      d[target] += factor;
    }
    int g = FeatureTable.G;
    double[] grad = new double[g];
    for (int c = 0; c < table.n; c++) {
      if (d[c] == 0) {
        continue;
      }
      int o = c * g;
      for (int j = 0; j < g; j++) {
        grad[j] += d[c] * table.global[o + j];
      }
    }
    int f = FeatureTable.F;
    int maxField = 0;
    for (int number : table.fieldNumbers) {
      maxField = Math.max(maxField, number + 1);
    }
    key.ensureFields(maxField);
    key.version++;
    double[] fieldGrad = new double[maxField * f];
    for (int i = 0; i < table.rows.length; i++) {
      int base = table.fieldNumbers[i] * f;
      int[] row = table.rows[i];
      for (int e = 0; e < row.length; e++) {
        double de = d[row[e]];
        for (int k = 0; k < f; k++) {
          fieldGrad[base + k] += de * table.value(i, e, k);
        }
      }
    }
    for (int j = 0; j < g; j++) {
      double gd = grad[j] + regularization * key.delta[j];
      key.deltaSquares[j] += gd * gd;
      key.delta[j] -= learningRate * gd / (EPSILON + Math.sqrt(key.deltaSquares[j]));
    }
    for (int j = 0; j < fieldGrad.length; j++) {
      double gf = fieldGrad[j];
      if (gf != 0) {
        key.fieldSquares[j] += gf * gf;
        key.field[j] -= learningRate * gf / (EPSILON + Math.sqrt(key.fieldSquares[j]));
      }
    }
    updateGlobal(grad);
  }

  private synchronized void updateGlobal(double[] grad) {
    double[] next = weights.clone();
    for (int j = 0; j < next.length; j++) {
      squares[j] += grad[j] * grad[j];
      if (squares[j] > 0) {
        next[j] -= learningRate * grad[j] / (EPSILON + Math.sqrt(squares[j]));
      }
    }
    weights = next;
  }

  synchronized double[] squares() {
    return squares.clone();
  }

  synchronized void restore(double[] weights, double[] squares) {
    System.arraycopy(squares, 0, this.squares, 0, this.squares.length);
    this.weights = weights.clone();
  }
}
