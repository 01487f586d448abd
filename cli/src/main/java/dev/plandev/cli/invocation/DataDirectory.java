package dev.plandev.cli.invocation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The data directory (the learning store, keys, logs) of a command that names none with {@code
 * --data}, {@code PLANDEV_DATA_DIR} or {@code dataDir} in the configuration file: the per-user data
 * directory, so that what the engine learns follows the person from one repository to the next.
 *
 * <p>The per-user directory is {@code $XDG_DATA_HOME/plandev} or {@code ~/.local/share/plandev} on
 * Linux and other Unix systems, {@code ~/Library/Application Support/plandev} on macOS and {@code
 * %LOCALAPPDATA%\plandev} on Windows. A store made before that rule, {@code data/defaults.db} in
 * the project folder, is still used, and a person at a terminal is told once how to move it.
 *
 * @param path the directory
 * @param source what chose it, short, as {@code config show} lists it beside {@code dataDir}
 * @param reason why, in a sentence that names the overrides that were not given
 * @param legacy true when it is a project's {@code data/} folder from before the per-user rule
 */
record DataDirectory(Path path, String source, String reason, boolean legacy) {
  static final String NAME = "plandev";
  static final String LEGACY_DIR = "data";
  static final String STORE_FILE = "defaults.db";

  /** Marks a legacy data folder whose move hint was shown, so that it is shown once. */
  static final String HINT_SHOWN = ".per-user-hint-shown";

  /** The data directory when nothing names one: a project's old store, else the per-user one. */
  static DataDirectory byDefault(Environment env, Project project) {
    Path legacy = project.resolve(LEGACY_DIR);
    String nothingGiven = "no --data, no PLANDEV_DATA_DIR, no dataDir in a configuration file";
    if (Files.isRegularFile(legacy.resolve(STORE_FILE))) {
      return new DataDirectory(
          legacy,
          "project data/ folder",
          "a store from before per-user data directories, " + legacy.resolve(STORE_FILE),
          true);
    }
    return new DataDirectory(
        perUser(env),
        "per-user default",
        "per-user default; " + nothingGiven + ", no " + legacy.resolve(STORE_FILE),
        false);
  }

  /** The per-user data directory of this operating system and user. */
  static Path perUser(Environment env) {
    String os = env.osName().toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      return absolute(env.variables().get("LOCALAPPDATA"))
          .orElse(env.home().resolve("AppData").resolve("Local"))
          .resolve(NAME);
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return env.home().resolve("Library").resolve("Application Support").resolve(NAME);
    }
    // The XDG base directory rules: a relative XDG_DATA_HOME is invalid and ignored.
    return absolute(env.variables().get("XDG_DATA_HOME"))
        .orElse(env.home().resolve(".local").resolve("share"))
        .resolve(NAME);
  }

  /**
   * The hint to move a legacy store to the per-user directory, the first time it is asked for (the
   * legacy folder remembers it), or empty.
   */
  Optional<String> moveHintOnce(Environment env) {
    Path marker = path.resolve(HINT_SHOWN);
    if (!legacy || Files.exists(marker)) {
      return Optional.empty();
    }
    try {
      Files.writeString(
          marker, "the hint to move this store to the per-user directory was shown\n");
    } catch (IOException e) {
      return Optional.empty(); // a folder we cannot write to: better no hint than one every time
    }
    Path target = perUser(env);
    String how =
        Files.exists(target.resolve(STORE_FILE))
            ? target + " already holds a store; keep this one with --data " + path
            : "to let it follow you across projects, move it: mkdir -p "
                + target.getParent()
                + " && mv "
                + path
                + " "
                + target;
    return Optional.of(
        "plandev: using the store in "
            + path
            + " (found in the project, as before); "
            + how
            + " (shown once)");
  }

  private static Optional<Path> absolute(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Path p = Path.of(value);
    return p.isAbsolute() ? Optional.of(p) : Optional.empty();
  }
}
