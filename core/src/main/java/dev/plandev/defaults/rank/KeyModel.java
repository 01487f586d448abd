package dev.plandev.defaults.rank;

import java.util.Arrays;

/**
 * The weights particular to one key: corrections to the global weights and the weights of the key's
 * own context fields, with their AdaGrad accumulators. Guarded by the key's lock.
 */
final class KeyModel {
  /** Incremented by every update, so cached probabilities can tell they are still current. */
  long version;

  double[] delta = new double[FeatureTable.G];
  double[] deltaSquares = new double[FeatureTable.G];
  double[] field = new double[0];
  double[] fieldSquares = new double[0];

  void ensureFields(int fields) {
    int length = fields * FeatureTable.F;
    if (field.length < length) {
      field = Arrays.copyOf(field, length);
      fieldSquares = Arrays.copyOf(fieldSquares, length);
    }
  }
}
