package dev.plandev.defaults.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The configuration as a tree of sections and values, built layer by layer over the defaults, that
 * remembers which layer set each leaf ({@code default}, {@code file …}, {@code env …}, {@code flag
 * …}).
 *
 * <p>A layer may only set keys the defaults have: an unknown key is refused at once with the layer
 * that wrote it and the keys that exist, since a misspelt setting silently ignored is the hardest
 * configuration mistake to find. Values stay text until {@link ConfigBinding} binds the tree.
 */
final class SettingsTree {
  private static final String ENV_PREFIX = "PLANDEV_";

  private final ObjectNode tree;
  private final Map<String, String> sources = new TreeMap<>();

  /** A tree holding {@code defaults}, every leaf marked {@code default}. */
  SettingsTree(ObjectNode defaults) {
    this.tree = defaults;
    leaves(tree, "", (path, node) -> sources.put(path, "default"));
  }

  ObjectNode tree() {
    return tree;
  }

  /** For each setting path, the layer that set its value. */
  Map<String, String> sources() {
    return sources;
  }

  /** Overrides with the sections of a configuration file, read from {@code source}. */
  void applyFile(JsonNode sections, String source) {
    merge(tree, sections, "", source);
  }

  /**
   * Overrides with the variables {@code PLANDEV_SECTION_KEY} of {@code env}; other {@code PLANDEV_}
   * variables that name no section (such as {@code PLANDEV_HOME}) belong to someone else.
   */
  void applyEnvironment(Map<String, String> env) {
    // In name order, so that the same environment always fails on the same variable.
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (e.getKey().startsWith(ENV_PREFIX)) {
        String path = envPath(e.getKey());
        if (path != null) {
          set(path, e.getValue());
          sources.put(path, "env " + e.getKey());
        }
      }
    }
  }

  /**
   * Overrides with command-line settings.
   *
   * @param flags values by setting path ({@code sqlite.path})
   * @param flagSources for each path, how the user wrote the flag ({@code --data}), for messages
   */
  void applyFlags(Map<String, String> flags, Map<String, String> flagSources) {
    for (Map.Entry<String, String> f : flags.entrySet()) {
      String source = "flag " + flagSources.getOrDefault(f.getKey(), f.getKey());
      if (!sources.containsKey(f.getKey())) {
        throw new ConfigException(
            source + " names no setting '" + f.getKey() + "'; known settings: " + sources.keySet());
      }
      set(f.getKey(), f.getValue());
      sources.put(f.getKey(), source);
    }
  }

  private void merge(ObjectNode target, JsonNode from, String prefix, String source) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      JsonNode known = target.get(e.getKey());
      if (known == null) {
        throw unknownKey(target, path, prefix, source);
      }
      if (known.isObject()) {
        if (!e.getValue().isObject()) {
          throw new ConfigException(
              "'" + path + "' in " + source + " must be a section (an object), not a value");
        }
        merge((ObjectNode) known, e.getValue(), path + ".", source);
      } else {
        if (e.getValue().isContainerNode()) {
          throw new ConfigException(
              "'" + path + "' in " + source + " must be a single value, not a section or list");
        }
        target.set(e.getKey(), e.getValue());
        sources.put(path, source);
      }
    }
  }

  private static ConfigException unknownKey(
      ObjectNode section, String path, String prefix, String source) {
    List<String> names = new ArrayList<>();
    section.fieldNames().forEachRemaining(names::add);
    return new ConfigException(
        "unknown key '"
            + path
            + "' in "
            + source
            + "; known keys"
            + (prefix.isEmpty() ? "" : " of " + prefix.substring(0, prefix.length() - 1))
            + ": "
            + String.join(", ", names));
  }

  /**
   * The setting an environment variable names, null if it names no section we know.
   *
   * @throws ConfigException when it names a known section but none of its keys
   */
  private String envPath(String variable) {
    String rest = variable.substring(ENV_PREFIX.length());
    String flat = rest.replace("_", "").toLowerCase(Locale.ROOT);
    for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      String name = section.getKey();
      if (!section.getValue().isObject()) {
        if (flat.equals(name.toLowerCase(Locale.ROOT))) {
          return name;
        }
        continue;
      }
      String sectionPrefix = name.toUpperCase(Locale.ROOT) + "_";
      if (!rest.toUpperCase(Locale.ROOT).startsWith(sectionPrefix)) {
        continue;
      }
      String path = keyIn(section.getValue(), name, rest.substring(sectionPrefix.length()));
      if (path != null) {
        return path;
      }
      List<String> keys = new ArrayList<>();
      section.getValue().fieldNames().forEachRemaining(keys::add);
      throw unknownEnvKey(variable, name, keys);
    }
    return null;
  }

  /**
   * The setting of {@code section} (at {@code path}) that {@code rest} of a variable names, looking
   * into nested sections ({@code TRACING_SAMPLER_RATIO} is {@code tracing.samplerRatio}); null if
   * none.
   */
  private static String keyIn(JsonNode section, String path, String rest) {
    String upper = rest.toUpperCase(Locale.ROOT);
    String flat = rest.replace("_", "").toLowerCase(Locale.ROOT);
    for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (!e.getValue().isObject()) {
        if (key.toLowerCase(Locale.ROOT).equals(flat)) {
          return path + "." + key;
        }
      } else if (upper.startsWith(key.toUpperCase(Locale.ROOT) + "_")) {
        String inner = keyIn(e.getValue(), path + "." + key, rest.substring(key.length() + 1));
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static ConfigException unknownEnvKey(String variable, String section, List<String> keys) {
    String upper = section.toUpperCase(Locale.ROOT);
    return new ConfigException(
        "environment variable "
            + variable
            + " names no setting of section '"
            + section
            + "'; its keys are "
            + String.join(", ", keys)
            + " (write PLANDEV_"
            + upper
            + "_KEY, for example PLANDEV_"
            + upper
            + "_"
            + keys.get(0).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
            + ")");
  }

  private void set(String path, String value) {
    String[] parts = path.split("\\.");
    ObjectNode section = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      section = (ObjectNode) section.get(parts[i]);
    }
    section.set(parts[parts.length - 1], TextNode.valueOf(value));
  }

  /** Calls {@code visitor} for every leaf of {@code node} with its dotted path. */
  static void leaves(JsonNode node, String prefix, BiConsumer<String, JsonNode> visitor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        leaves(e.getValue(), prefix + e.getKey() + ".", visitor);
      } else {
        visitor.accept(prefix + e.getKey(), e.getValue());
      }
    }
  }
}
