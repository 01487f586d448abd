package dev.plandev.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared data folder beside the checkout ({@code <repo>/../shared}): the real plans of the
 * corpus and the replay files. The repository root comes from the {@code plandev.repo} system
 * property that surefire sets; when a folder is absent the test is skipped, or fails in CI.
 */
public final class SharedData {
  private SharedData() {}

  /** The repository root, as surefire passes it (else the working directory). */
  public static Path repo() {
    String p = System.getProperty("plandev.repo");
    return p == null ? Path.of("").toAbsolutePath() : Path.of(p);
  }

  /** The shared data folder, or a skip (failure in CI). */
  public static Path folder() {
    return required(
        repo().resolve("../shared").normalize(),
        "the shared data folder %s is absent; put it beside the checkout");
  }

  /** The folder of real plans ({@code shared/corpus/plans}), or a skip (failure in CI). */
  public static Path corpusPlans() {
    return required(
        folder().resolve("corpus/plans"), "the plan corpus %s is absent from the shared folder");
  }

  /** Every {@code .md} file of the plan corpus, sorted by name. */
  public static List<Path> corpusPlanFiles() {
    try (Stream<Path> files = Files.list(corpusPlans())) {
      return files.filter(p -> p.toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A replay file of {@code shared/data/replay}, or a skip (failure in CI). */
  public static Path replay(String name) {
    Path file = folder().resolve("data/replay").resolve(name);
    Prerequisites.require(
        Files.isRegularFile(file),
        "the replay " + file + " is absent; run beside the shared folder to evaluate on it");
    return file;
  }

  private static Path required(Path dir, String messageFormat) {
    Prerequisites.require(Files.isDirectory(dir), String.format(messageFormat, dir));
    return dir;
  }
}
