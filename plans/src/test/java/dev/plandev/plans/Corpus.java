package dev.plandev.plans;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The real plans in {@code <repo>/../shared/corpus/plans}, found through the {@code plandev.repo}
 * system property that surefire sets. Tests skip when the folder is absent, but fail when the
 * {@code CI} environment variable is set, since CI always has it.
 */
public final class Corpus {
  private Corpus() {}

  /** The corpus folder, or a skip (fail on CI) when it is not there. */
  public static Path folder() {
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

  /** Every {@code .md} file of the corpus, sorted by name. */
  public static List<Path> plans() {
    try (Stream<Path> files = Files.list(folder())) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
