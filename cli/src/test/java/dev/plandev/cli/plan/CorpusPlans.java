package dev.plandev.cli.plan;

import dev.plandev.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real plans in {@code <repo>/../shared/corpus/plans}; skipped when absent, a failure in CI
 * (see {@link SharedData}).
 */
final class CorpusPlans {
  private CorpusPlans() {}

  static Path folder() {
    return SharedData.corpusPlans();
  }

  static List<Path> all() {
    return SharedData.corpusPlanFiles();
  }

  static Path largest() {
    return all().stream()
        .max(
            (a, b) -> {
              try {
                return Long.compare(Files.size(a), Files.size(b));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .orElseThrow();
  }
}
