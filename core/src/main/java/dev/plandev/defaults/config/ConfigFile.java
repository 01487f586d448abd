package dev.plandev.defaults.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configuration file, {@code plandev.json} or {@code plandev.yaml}: where it is and the tree of
 * sections it holds, read as plain JSON or YAML (what the keys mean is {@link SettingsTree}'s
 * business).
 */
final class ConfigFile {
  private static final List<String> NAMES = List.of("plandev.json", "plandev.yaml", "plandev.yml");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ConfigFile() {}

  /**
   * The configuration file of {@code workingDir}, or null when it has none.
   *
   * @throws ConfigException when it has several, since which one wins would be a guess
   */
  static Path find(Path workingDir) {
    List<Path> found = new ArrayList<>();
    for (String name : NAMES) {
      Path p = workingDir.resolve(name);
      if (Files.isRegularFile(p)) {
        found.add(p);
      }
    }
    if (found.size() > 1) {
      throw new ConfigException(
          "found several configuration files "
              + found
              + "; keep one, or choose with --config FILE");
    }
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * The sections in {@code file}, an empty object when the file is empty; JSON when its name ends
   * with {@code .json}, YAML otherwise.
   *
   * @throws ConfigException when the file is missing, unreadable, malformed (with the line and
   *     column) or not an object
   */
  static JsonNode read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "configuration file " + file + " does not exist; check the path given to --config");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper reader = name.endsWith(".json") ? JSON : YAML;
    try {
      JsonNode node = reader.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return JSON.createObjectNode();
      }
      if (!node.isObject()) {
        throw new ConfigException(
            "configuration file " + file + " must hold an object of sections (sqlite, redis, …)");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new ConfigException(
          "configuration file "
              + file
              + " is not valid "
              + (reader == JSON ? "JSON" : "YAML")
              + ": "
              + e.getOriginalMessage()
              + location(e),
          e);
    } catch (IOException e) {
      throw new ConfigException(
          "cannot read configuration file " + file + ": " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
  }
}
