package dev.plandev.server.web;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.PlanException;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.Task;
import dev.plandev.plans.lint.Linter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plans under the plan roots ({@code server.planRoots}): every Markdown file with at least one
 * task, named by its path relative to its root (earlier roots win when two hold the same path).
 *
 * <p>A plan is only ever opened by that name, looked up among the files found under the roots, so a
 * request can never reach a file outside them. Summaries are kept per file and recomputed only when
 * its size or modification time changes, so the portfolio page does not parse and lint every plan
 * on every visit.
 */
final class PlanCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(PlanCatalog.class);

  private record Stamp(long size, Instant modified) {}

  private record Cached(Stamp stamp, Optional<PlanSummary> summary) {}

  private final List<Path> roots;
  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  PlanCatalog(List<Path> roots) {
    this.roots = List.copyOf(roots);
  }

  List<Path> roots() {
    return roots;
  }

  /** Every plan, in file-name order. */
  List<PlanSummary> summaries() {
    List<PlanSummary> all = new ArrayList<>();
    files().forEach((name, path) -> summary(name, path).ifPresent(all::add));
    return all;
  }

  /** The file of the plan named {@code name}, if it is one of the plans under the roots. */
  Optional<Path> file(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(files().get(name));
  }

  /** The name a file under one of the roots is shown and opened by, if it is under one. */
  Optional<String> nameOf(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    for (Path root : roots) {
      if (absolute.startsWith(root)) {
        return Optional.of(root.relativize(absolute).toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  private Map<String, Path> files() {
    Map<String, Path> files = new LinkedHashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      for (Path file : PlanFiles.expand(List.of(root))) {
        String name = root.relativize(file).toString().replace('\\', '/');
        files.putIfAbsent(name, file);
      }
    }
    return files;
  }

  private Optional<PlanSummary> summary(String name, Path file) {
    Stamp stamp;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      stamp = new Stamp(a.size(), a.lastModifiedTime().toInstant());
    } catch (IOException e) {
      return Optional.empty();
    }
    Cached cached = cache.get(file);
    if (cached != null && cached.stamp().equals(stamp)) {
      return cached.summary();
    }
    Optional<PlanSummary> summary = read(name, file, stamp);
    cache.put(file, new Cached(stamp, summary));
    return summary;
  }

  private static Optional<PlanSummary> read(String name, Path file, Stamp stamp) {
    PlanDocument plan;
    try {
      plan = PlanDocument.parse(file);
    } catch (PlanException e) {
      LOG.warn("web UI: skipping {}: {}", file, e.getMessage());
      return Optional.empty();
    }
    if (plan.tasks().isEmpty()) {
      return Optional.empty();
    }
    StringBuilder search = new StringBuilder(plan.root().title()).append('\n').append(name);
    for (Task t : plan.tasks()) {
      search.append('\n').append(t.text());
    }
    return Optional.of(
        new PlanSummary(
            name,
            plan.root().title(),
            plan.progress().done(),
            plan.progress().total(),
            stamp.modified(),
            Linter.lint(plan, name).size(),
            search.toString().toLowerCase(Locale.ROOT)));
  }
}
