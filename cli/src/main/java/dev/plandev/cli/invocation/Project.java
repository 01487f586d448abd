package dev.plandev.cli.invocation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project a command runs in: the folder that holds its settings ({@code plandev.yaml}), its
 * templates ({@code _templates/}), the plans {@code plandev new} writes ({@code roadmaps/plans/})
 * and the session files of an interrupted {@code plandev new} ({@code .plandev/}).
 *
 * <p>It is found by walking up from the working directory to the first folder that holds {@code
 * plandev.yaml}, {@code plandev.yml}, {@code plandev.json} or a {@code .plandev/} folder, so that a
 * command run in a subfolder finds the same settings as one run at the top. The walk does not go
 * above the git root (the folder holding {@code .git}) nor, outside a repository, above the home
 * folder. When nothing marks a project, the git root is the project, else the working directory.
 *
 * @param root the project folder
 * @param reason why this folder, in words for {@code plandev config show}
 */
public record Project(Path root, String reason) {
  /** The configuration file names, in the order {@code plandev init} prefers them. */
  public static final List<String> CONFIG_FILES =
      List.of("plandev.yaml", "plandev.yml", "plandev.json");

  /** The folder of the project's own files: session files of {@code plandev new}. */
  public static final String STATE_DIR = ".plandev";

  /** The folder of the project's templates, searched before the built-in ones. */
  public static final String TEMPLATES_DIR = "_templates";

  /** The folder the built-in templates write their plans to. */
  public static final String PLANS_DIR = "roadmaps/plans";

  /** The project around {@code workingDir}; never above {@code home} unless in a repository. */
  public static Project find(Path workingDir, Path home) {
    Path start = workingDir.toAbsolutePath().normalize();
    Path stopAt = home == null ? null : home.toAbsolutePath().normalize();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      for (String name : CONFIG_FILES) {
        if (Files.isRegularFile(dir.resolve(name))) {
          return new Project(dir, "holds " + name);
        }
      }
      if (Files.isDirectory(dir.resolve(STATE_DIR))) {
        return new Project(dir, "holds " + STATE_DIR + "/");
      }
      if (Files.exists(dir.resolve(".git"))) {
        return new Project(
            dir, "git root; no plandev.yaml or " + STATE_DIR + "/ between it and " + start);
      }
      if (dir.equals(stopAt)) {
        break;
      }
    }
    return new Project(
        start, "working directory; no plandev.yaml, " + STATE_DIR + "/ or git root above it");
  }

  /** A path of the project, given relative to its root. */
  public Path resolve(String relative) {
    return root.resolve(relative);
  }
}
