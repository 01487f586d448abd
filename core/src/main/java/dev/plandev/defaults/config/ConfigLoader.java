package dev.plandev.defaults.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Builds the effective configuration from its four layers, each overriding the one before: built-in
 * defaults, the file ({@code plandev.json} or {@code plandev.yaml}), environment variables {@code
 * PLANDEV_SECTION_KEY}, and command-line flags.
 *
 * <p>Every leaf remembers the layer it came from, so {@code plandev config show} can say where a
 * value was set. Unknown keys and bad values are refused with the path of the offending key and the
 * layer that set it.
 */
public final class ConfigLoader {
  private final Path workingDir;
  private final Map<String, String> env;

  /**
   * A loader that looks for the configuration file in {@code workingDir} and reads the given
   * environment (pass {@code System.getenv()} in production, a map in tests).
   */
  public ConfigLoader(Path workingDir, Map<String, String> env) {
    this.workingDir = workingDir;
    this.env = Map.copyOf(env);
  }

  /**
   * Loads the configuration.
   *
   * @param explicitFile the file named with {@code --config}, or null to look for {@code
   *     plandev.json}/{@code .yaml} in the working directory
   * @param flags settings from the command line, by path ({@code sqlite.path}) with their flag name
   *     as the source, in the form {@code path -> value}
   * @param flagSources for each flag path, how the user wrote it ({@code --data}), for messages
   * @throws ConfigException naming the key and the layer at fault
   */
  public LoadedConfig load(
      Path explicitFile, Map<String, String> flags, Map<String, String> flagSources) {
    SettingsTree settings = new SettingsTree(ConfigBinding.toTree(PlandevConfig.defaults()));
    Path file = explicitFile != null ? explicitFile : ConfigFile.find(workingDir);
    if (file != null) {
      settings.applyFile(ConfigFile.read(file), "file " + file);
    }
    settings.applyEnvironment(env);
    settings.applyFlags(flags, flagSources);
    PlandevConfig config = ConfigBinding.bind(settings.tree(), settings.sources());
    return new LoadedConfig(config, settings.sources(), file);
  }

  /** Loads with no flags. */
  public LoadedConfig load(Path explicitFile) {
    return load(explicitFile, Map.of(), Map.of());
  }
}
