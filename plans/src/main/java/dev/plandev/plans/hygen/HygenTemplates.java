package dev.plandev.plans.hygen;

import dev.plandev.plans.hygen.script.ScriptSandbox;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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

  /**
   * The templates folder for a run from {@code workingDir}, if there is one: the {@code templates}
   * of the nearest {@code .hygen.js} when it names one (hygen lets the configuration win), else
   * {@code HYGEN_TMPLS}, else the nearest {@code _templates}.
   */
  public static Optional<Path> locate(Path workingDir, Map<String, String> variables) {
    Optional<Path> config = config(workingDir);
    if (config.isPresent()) {
      Path folder = config.get().getParent();
      try (ScriptSandbox sandbox =
          ScriptSandbox.open(
              folder,
              variables,
              workingDir,
              new PrintWriter(Writer.nullWriter()),
              Clock.systemUTC())) {
        sandbox.allow(config.get());
        Object templates =
            sandbox.toJava(sandbox.member(sandbox.require(config.get()), "templates"));
        if (templates instanceof String named && !named.isBlank()) {
          Path p = workingDir.resolve(named).normalize();
          if (!Files.isDirectory(p)) {
            throw new TemplateProblemException(
                config.get() + ": templates: " + named + " is not a folder (" + p + ")");
          }
          return Optional.of(p);
        }
      }
    }
    return locateWithoutConfig(workingDir, variables);
  }

  private static Optional<Path> locateWithoutConfig(
      Path workingDir, Map<String, String> variables) {
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
