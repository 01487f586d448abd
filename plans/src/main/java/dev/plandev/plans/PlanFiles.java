package dev.plandev.plans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The plan files named by command-line arguments: files as given, folders expanded to the {@code
 * .md} files under them (sorted, skipping {@code .git}, {@code node_modules} and {@code target}).
 */
public final class PlanFiles {
  private static final Set<String> SKIPPED = Set.of(".git", "node_modules", "target");

  private PlanFiles() {}

  /**
   * Expands {@code paths}; a missing path is an error rather than nothing.
   *
   * @throws PlanFileException when a path does not exist or a folder cannot be read
   */
  public static List<Path> expand(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        files.addAll(markdownUnder(path));
      } else if (Files.isRegularFile(path)) {
        files.add(path);
      } else {
        throw PlanFileException.missing(path);
      }
    }
    return files;
  }

  /** Whether {@code path} names a Markdown file ({@code .md}, {@code .markdown}). */
  public static boolean isMarkdown(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString();
    return name.endsWith(".md") || name.endsWith(".markdown");
  }

  private static List<Path> markdownUnder(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> Files.isRegularFile(p) && isMarkdown(p))
          .filter(p -> !skipped(dir.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw PlanFileException.io("listing", dir, e);
    }
  }

  private static boolean skipped(Path relative) {
    for (Path part : relative) {
      if (SKIPPED.contains(part.toString())) {
        return true;
      }
    }
    return false;
  }
}
