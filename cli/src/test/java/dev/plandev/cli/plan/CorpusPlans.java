package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real plans in {@code <repo>/../shared/corpus/plans} (system property {@code plandev.repo},
 * set by surefire). Skips when absent, fails when the {@code CI} variable is set.
 */
final class CorpusPlans {
  private CorpusPlans() {}

  static Path folder() {
    String repo = System.getProperty("plandev.repo");
    Path dir = repo == null ? null : Path.of(repo).resolve("../shared/corpus/plans").normalize();
    if (dir == null || !Files.isDirectory(dir)) {
      String why =
          "plan corpus not found at " + dir + " (system property plandev.repo=" + repo + ")";
      String ci = System.getenv("CI");
      if (ci != null && !ci.isEmpty()) {
        fail(why + "; CI is set, so the shared folder must be present");
      }
      Assumptions.assumeTrue(false, why + "; skipping corpus tests");
    }
    return dir;
  }

  static List<Path> all() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
