package dev.plandev.defaults.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An effective configuration with the layer each setting came from.
 *
 * @param config the validated configuration
 * @param sources for each setting path, {@code default}, {@code file …}, {@code env …} or {@code
 *     flag …}
 * @param file the configuration file that was read, or null
 */
public record LoadedConfig(PlandevConfig config, Map<String, String> sources, Path file) {

  /** One effective setting as shown to a person. */
  public record Setting(String path, String value, String source) {}

  /**
   * Every setting in file order, secrets masked (also passwords inside URLs such as {@code
   * postgres.url}), with its source.
   */
  public List<Setting> settings() {
    List<Setting> out = new ArrayList<>();
    ConfigBinding.display(config)
        .forEach(
            (path, value) ->
                out.add(
                    new Setting(
                        path, SecretMask.inText(value), sources.getOrDefault(path, "default"))));
    return out;
  }
}
