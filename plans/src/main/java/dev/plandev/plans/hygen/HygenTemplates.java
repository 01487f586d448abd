package dev.plandev.plans.hygen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds hygen templates as hygen does, plus the nearest parent: {@code HYGEN_TMPLS}, then a {@code
 * _templates} folder in the working folder or the nearest parent that has one; and the {@code
 * .hygen.js} of the working folder or its nearest parent.
 */
public final class HygenTemplates {
  /** The action hygen runs when only a generator is named. */
  static final String DEFAULT_ACTION = "_default";

  private HygenTemplates() {}

  /** The templates folder for a run from {@code workingDir}, if there is one. */
  public static Optional<Path> locate(Path workingDir, Map<String, String> variables) {
    String fromVariable = variables.get("HYGEN_TMPLS");
    if (fromVariable != null && !fromVariable.isBlank()) {
      Path p = workingDir.resolve(fromVariable).normalize();
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("_templates");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The nearest {@code .hygen.js} from {@code workingDir} upwards. */
  static Optional<Path> config(Path workingDir) {
    for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(".hygen.js");
      if (Files.isRegularFile(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the action that {@code words} ({@code GENERATOR ACTION ...}) name has a prompt file, so
   * that running it will ask the Smart Defaults engine.
   */
  public static boolean asks(Path templates, List<String> words) {
    if (words.isEmpty()) {
      return false;
    }
    Path generator = templates.resolve(words.get(0));
    String action = words.size() > 1 ? words.get(1).split(":")[0] : DEFAULT_ACTION;
    Path folder = generator.resolve(action);
    if (!Files.isDirectory(folder)) {
      folder = generator.resolve(DEFAULT_ACTION);
    }
    for (String hooks : HygenPrompter.HOOK_FILES) {
      if (Files.isRegularFile(folder.resolve(hooks))) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code generator} (with {@code action}, or a {@code _default} action) exists here. */
  public static boolean has(Path templates, String generator, String action) {
    if (generator == null || generator.isBlank() || generator.contains("..")) {
      return false;
    }
    if (action != null
        && Files.isDirectory(templates.resolve(generator).resolve(action.split(":")[0]))) {
      return true;
    }
    return Files.isDirectory(templates.resolve(generator).resolve(DEFAULT_ACTION));
  }
}
