package dev.plandev.defaults.rank;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of a {@link Ranker}, validated when built: a value that makes no sense fails here
 * with a message naming it, never later inside a ranking.
 *
 * @param confidenceThreshold confidence at or above which a value is {@code confident} (0..1)
 * @param maxCandidatesPerKey values remembered per key; beyond it the least used lately goes
 * @param maxContextValuesPerKey context field values remembered per key; beyond it the oldest go
 * @param learningRate base step of the online optimiser (AdaGrad)
 * @param regularization L2 pull of per-key weights towards the shared global weights
 * @param halfLife half-life of decayed counts, measured on event timestamps (default 90 days)
 * @param updatePeriod how often {@link Ranker#retrainIfDue} retrains ({@code ml.updatePeriod})
 * @param batchSize recent events replayed by a retrain ({@code ml.batchSize})
 * @param modelPath directory of the model file ({@code ml.modelPath}); {@code null} keeps the model
 *     in memory only
 * @param explainedFeatures feature contributions reported per ranked value
 */
public record RankerConfig(
    double confidenceThreshold,
    int maxCandidatesPerKey,
    int maxContextValuesPerKey,
    double learningRate,
    double regularization,
    Duration halfLife,
    Duration updatePeriod,
    int batchSize,
    Path modelPath,
    int explainedFeatures) {

  public RankerConfig {
    require(
        confidenceThreshold >= 0 && confidenceThreshold <= 1,
        "confidenceThreshold must be within 0..1, got " + confidenceThreshold);
    require(
        maxCandidatesPerKey >= 2,
        "maxCandidatesPerKey must be at least 2, got " + maxCandidatesPerKey);
    require(
        maxContextValuesPerKey >= 10,
        "maxContextValuesPerKey must be at least 10, got " + maxContextValuesPerKey);
    require(
        learningRate > 0 && learningRate <= 10,
        "learningRate must be within (0, 10], got " + learningRate);
    require(
        regularization >= 0 && regularization < 1,
        "regularization must be within [0, 1), got " + regularization);
    require(
        halfLife != null && !halfLife.isNegative() && !halfLife.isZero(),
        "halfLife must be positive, got " + halfLife);
    require(
        updatePeriod != null && !updatePeriod.isNegative() && !updatePeriod.isZero(),
        "updatePeriod must be positive, got " + updatePeriod);
    require(batchSize >= 1, "batchSize must be at least 1, got " + batchSize);
    require(
        explainedFeatures >= 0 && explainedFeatures <= 32,
        "explainedFeatures must be within 0..32, got " + explainedFeatures);
  }

  /** The documented defaults: threshold 0.8, 1,000 values per key, update every 24 h. */
  public static RankerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from a copy of this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.confidenceThreshold = confidenceThreshold;
    b.maxCandidatesPerKey = maxCandidatesPerKey;
    b.maxContextValuesPerKey = maxContextValuesPerKey;
    b.learningRate = learningRate;
    b.regularization = regularization;
    b.halfLife = halfLife;
    b.updatePeriod = updatePeriod;
    b.batchSize = batchSize;
    b.modelPath = modelPath;
    b.explainedFeatures = explainedFeatures;
    return b;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new RankingException("invalid ranker configuration: " + message);
    }
  }

  /** Collects settings for a {@link RankerConfig}; {@link #build()} validates them. */
  public static final class Builder {
    private double confidenceThreshold = 0.8;
    private int maxCandidatesPerKey = 1000;
    private int maxContextValuesPerKey = 50_000;
    private double learningRate = 0.05;
    private double regularization = 1e-4;
    private Duration halfLife = Duration.ofDays(90);
    private Duration updatePeriod = Duration.ofHours(24);
    private int batchSize = 1000;
    private Path modelPath;
    private int explainedFeatures = 3;

    private Builder() {}

    public Builder confidenceThreshold(double confidenceThreshold) {
      this.confidenceThreshold = confidenceThreshold;
      return this;
    }

    public Builder maxCandidatesPerKey(int maxCandidatesPerKey) {
      this.maxCandidatesPerKey = maxCandidatesPerKey;
      return this;
    }

    public Builder maxContextValuesPerKey(int maxContextValuesPerKey) {
      this.maxContextValuesPerKey = maxContextValuesPerKey;
      return this;
    }

    public Builder learningRate(double learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    public Builder regularization(double regularization) {
      this.regularization = regularization;
      return this;
    }

    public Builder halfLife(Duration halfLife) {
      this.halfLife = halfLife;
      return this;
    }

    public Builder updatePeriod(Duration updatePeriod) {
      this.updatePeriod = updatePeriod;
      return this;
    }

    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public Builder modelPath(Path modelPath) {
      this.modelPath = modelPath;
      return this;
    }

    public Builder explainedFeatures(int explainedFeatures) {
      this.explainedFeatures = explainedFeatures;
      return this;
    }

    public RankerConfig build() {
      return new RankerConfig(
          confidenceThreshold,
          maxCandidatesPerKey,
          maxContextValuesPerKey,
          learningRate,
          regularization,
          halfLife,
          updatePeriod,
          batchSize,
          modelPath,
          explainedFeatures);
    }
  }
}
