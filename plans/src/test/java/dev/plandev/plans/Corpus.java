package dev.plandev.plans;

import dev.plandev.testing.SharedData;
import java.nio.file.Path;
import java.util.List;

/**
 * The real plans in {@code <repo>/../shared/corpus/plans}; skipped when absent, a failure in CI
 * (see {@link SharedData}).
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus folder, or a skip (fail on CI) when it is not there. */
  public static Path folder() {
    return SharedData.corpusPlans();
  }

  /** Every {@code .md} file of the corpus, sorted by name. */
  public static List<Path> plans() {
    return SharedData.corpusPlanFiles();
  }
}
