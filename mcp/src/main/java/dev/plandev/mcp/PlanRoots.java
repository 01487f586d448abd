package dev.plandev.mcp;

import dev.plandev.plans.PlanFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The folders an agent may read and write plans in, and the only way tools turn a path they were
 * given into a file.
 *
 * <p>A path is confined twice: lexically (after {@code normalize()} it must stay under its root, so
 * {@code ../} cannot leave it) and physically (the real path of the file, or of its nearest
 * existing folder for a file still to be written, must lie under a root's real path, so a symbolic
 * link cannot lead out either). A link where a file to be written would go counts as that file, and
 * a link that points to nothing is refused, since writing through it would create its target.
 * Relative paths are tried against each root in order; the first root holding the file wins.
 *
 * <p>The folders may be replaced while the server runs ({@link #follow}), when they follow the
 * workspace roots of the client; every check reads the folders current at that moment.
 */
final class PlanRoots {
  private volatile List<Path> roots;

  /**
   * Roots as given; each must be an existing folder.
   *
   * @throws IllegalArgumentException naming a root that is not a folder
   */
  PlanRoots(List<Path> given) {
    if (given.isEmpty()) {
      throw new IllegalArgumentException("at least one plan root is needed");
    }
    List<Path> real = new ArrayList<>();
    for (Path root : given) {
      try {
        Path r = root.toRealPath();
        if (!Files.isDirectory(r)) {
          throw new IllegalArgumentException("plan root is not a folder: " + root);
        }
        real.add(r);
      } catch (IOException e) {
        throw new IllegalArgumentException("plan root does not exist: " + root, e);
      }
    }
    this.roots = List.copyOf(real);
  }

  List<Path> all() {
    return roots;
  }

  /**
   * Replaces the folders with {@code folders}, which must be real paths of existing folders (as
   * {@link ClientRoots} checks them); an empty list is refused.
   */
  void follow(List<Path> folders) {
    if (folders.isEmpty()) {
      throw new IllegalArgumentException("at least one plan root is needed");
    }
    this.roots = List.copyOf(folders);
  }

  /**
   * The existing plan file a tool argument names.
   *
   * @throws McpToolException when the path leaves the roots or names no file
   */
  Path existing(String given) {
    for (Path candidate : candidates(given)) {
      if (Files.exists(candidate)) {
        Path real = realPath(candidate);
        requireInside(real, given);
        if (!Files.isRegularFile(real)) {
          throw new McpToolException("'" + given + "' is a folder, not a plan file");
        }
        return real;
      }
    }
    throw new McpToolException(
        "no plan '"
            + given
            + "' under the plan roots "
            + names()
            + "; give a path relative to a root, as listed by resources/list (plan://<path>)");
  }

  /**
   * A folder to write new plans in, which may not exist yet.
   *
   * @throws McpToolException when the path leaves the roots
   */
  Path folder(String given) {
    return confined(candidates(given).get(0), given);
  }

  /**
   * Checks that a file about to be written under {@code folder} stays inside the roots, following
   * the symbolic links of the folders it goes through.
   */
  void requireWritable(Path file) {
    confined(file, file.toString());
  }

  /**
   * Where writing at {@code path} (a file or folder, existing or not) really lands: the real path
   * of its deepest existing part, plus the parts still to be created. That part is found without
   * following a final symbolic link, so a link planted where a file or folder would go is judged by
   * where it leads; one that leads nowhere is refused outright, since creating a file through it
   * would create its target wherever that is.
   */
  private Path confined(Path path, String given) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      throw outside(given);
    }
    if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
      throw new McpToolException(
          "'"
              + given
              + "' goes through a symbolic link that points to nothing ("
              + existing
              + "); plandev does not write through such links, since they may lead outside the"
              + " plan roots "
              + names()
              + "; remove the link or choose another path");
    }
    Path real = realPath(existing);
    requireInside(real, given);
    return real.resolve(existing.relativize(absolute));
  }

  /** Every Markdown file under the roots by path relative to its root; earlier roots win. */
  Map<String, Path> plans() {
    List<Path> folders = roots;
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path root : folders) {
      for (Path file : PlanFiles.expand(List.of(root))) {
        Path real = realPath(file);
        if (folders.stream().anyMatch(real::startsWith)) {
          byName.putIfAbsent(relative(folders, file), real);
        }
      }
    }
    return byName;
  }

  /**
   * The path of a file under the roots as agents see it: relative to its root, {@code /}-separated.
   */
  String relative(Path file) {
    return relative(roots, file);
  }

  private static String relative(List<Path> folders, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    for (Path root : folders) {
      if (abs.startsWith(root)) {
        return slashed(root.relativize(abs));
      }
    }
    Path real = realPath(abs);
    for (Path root : folders) {
      if (real.startsWith(root)) {
        return slashed(root.relativize(real));
      }
    }
    return abs.toString();
  }

  private List<Path> candidates(String given) {
    List<Path> folders = roots;
    Path path = Path.of(given);
    List<Path> out = new ArrayList<>();
    if (path.isAbsolute()) {
      Path normal = path.normalize();
      if (folders.stream().noneMatch(normal::startsWith)) {
        throw outside(given);
      }
      out.add(normal);
      return out;
    }
    for (Path root : folders) {
      Path normal = root.resolve(path).normalize();
      if (!normal.startsWith(root)) {
        throw outside(given);
      }
      out.add(normal);
    }
    return out;
  }

  private void requireInside(Path real, String given) {
    if (!inside(real)) {
      throw new McpToolException(
          "'"
              + given
              + "' leads outside the plan roots "
              + names()
              + " through a symbolic link; only files under the roots can be used");
    }
  }

  /** Whether a real path lies under one of the roots. */
  boolean contains(Path real) {
    return inside(real);
  }

  private boolean inside(Path real) {
    return roots.stream().anyMatch(real::startsWith);
  }

  private McpToolException outside(String given) {
    return new McpToolException(
        "'"
            + given
            + "' is outside the plan roots "
            + names()
            + "; give a path relative to a root, without '..'");
  }

  private String names() {
    return roots.stream().map(Path::toString).collect(Collectors.joining(", ", "[", "]"));
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot resolve " + p, e);
    }
  }

  private static String slashed(Path relative) {
    return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
  }
}
