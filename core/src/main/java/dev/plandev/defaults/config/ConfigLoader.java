package dev.plandev.defaults.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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
  static final String ENV_PREFIX = "PLANDEV_";
  private static final List<String> FILE_NAMES =
      List.of("plandev.json", "plandev.yaml", "plandev.yml");

  private final ObjectMapper json;
  private final ObjectMapper yaml;
  private final Path workingDir;
  private final Map<String, String> env;

  /**
   * A loader that looks for the configuration file in {@code workingDir} and reads the given
   * environment (pass {@code System.getenv()} in production, a map in tests).
   */
  public ConfigLoader(Path workingDir, Map<String, String> env) {
    this.workingDir = workingDir;
    this.env = new TreeMap<>(env);
    this.json = mapper(new ObjectMapper());
    this.yaml = mapper(new ObjectMapper(new YAMLFactory()));
  }

  private static ObjectMapper mapper(ObjectMapper m) {
    SimpleModule durations = new SimpleModule("durations");
    durations.addSerializer(
        Duration.class,
        new JsonSerializer<>() {
          @Override
          public void serialize(Duration d, JsonGenerator g, SerializerProvider p)
              throws IOException {
            g.writeString(DurationText.format(d));
          }
        });
    durations.addDeserializer(
        Duration.class,
        new JsonDeserializer<>() {
          @Override
          public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
            try {
              return DurationText.parse(p.getValueAsString());
            } catch (IllegalArgumentException e) {
              throw JsonMappingException.from(p, e.getMessage(), e);
            }
          }
        });
    return m.registerModule(durations)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
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
    ObjectNode tree = json.valueToTree(PlandevConfig.defaults());
    Map<String, String> sources = new TreeMap<>();
    leaves(tree, "", (path, node) -> sources.put(path, "default"));

    Path file = explicitFile != null ? explicitFile : findFile();
    if (file != null) {
      String source = "file " + file;
      JsonNode fromFile = readFile(file);
      mergeFile(tree, fromFile, "", source, sources);
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (e.getKey().startsWith(ENV_PREFIX)) {
        String path = envPath(tree, e.getKey());
        if (path != null) {
          set(tree, path, e.getValue());
          sources.put(path, "env " + e.getKey());
        }
      }
    }
    for (Map.Entry<String, String> f : flags.entrySet()) {
      String source = "flag " + flagSources.getOrDefault(f.getKey(), f.getKey());
      if (!sources.containsKey(f.getKey())) {
        throw new ConfigException(
            source + " names no setting '" + f.getKey() + "'; known settings: " + sources.keySet());
      }
      set(tree, f.getKey(), f.getValue());
      sources.put(f.getKey(), source);
    }

    return new LoadedConfig(bind(tree, sources), sources, file);
  }

  /** Loads with no flags. */
  public LoadedConfig load(Path explicitFile) {
    return load(explicitFile, Map.of(), Map.of());
  }

  private Path findFile() {
    List<Path> found = new ArrayList<>();
    for (String name : FILE_NAMES) {
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

  private JsonNode readFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(
          "configuration file " + file + " does not exist; check the path given to --config");
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper reader = name.endsWith(".json") ? json : yaml;
    try {
      JsonNode node = reader.readTree(file.toFile());
      if (node == null || node.isMissingNode() || node.isNull()) {
        return json.createObjectNode();
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
              + (reader == json ? "JSON" : "YAML")
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

  private static void mergeFile(
      ObjectNode target, JsonNode from, String prefix, String source, Map<String, String> sources) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = prefix + e.getKey();
      JsonNode known = target.get(e.getKey());
      if (known == null) {
        List<String> names = new ArrayList<>();
        target.fieldNames().forEachRemaining(names::add);
        throw new ConfigException(
            "unknown key '"
                + path
                + "' in "
                + source
                + "; known keys"
                + (prefix.isEmpty() ? "" : " of " + prefix.substring(0, prefix.length() - 1))
                + ": "
                + String.join(", ", names));
      }
      if (known.isObject()) {
        if (!e.getValue().isObject()) {
          throw new ConfigException(
              "'" + path + "' in " + source + " must be a section (an object), not a value");
        }
        mergeFile((ObjectNode) known, e.getValue(), path + ".", source, sources);
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

  /** The setting an environment variable names, null if it names no section we know. */
  private static String envPath(ObjectNode tree, String variable) {
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
      String keyFlat =
          rest.substring(sectionPrefix.length()).replace("_", "").toLowerCase(Locale.ROOT);
      List<String> keys = new ArrayList<>();
      for (Iterator<String> k = section.getValue().fieldNames(); k.hasNext(); ) {
        String key = k.next();
        keys.add(key);
        if (key.toLowerCase(Locale.ROOT).equals(keyFlat)) {
          return name + "." + key;
        }
      }
      throw new ConfigException(
          "environment variable "
              + variable
              + " names no setting of section '"
              + name
              + "'; its keys are "
              + String.join(", ", keys)
              + " (write PLANDEV_"
              + name.toUpperCase(Locale.ROOT)
              + "_KEY, for example PLANDEV_"
              + name.toUpperCase(Locale.ROOT)
              + "_"
              + keys.get(0).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT)
              + ")");
    }
    return null;
  }

  private static void set(ObjectNode tree, String path, String value) {
    int dot = path.indexOf('.');
    if (dot < 0) {
      tree.set(path, TextNode.valueOf(value));
    } else {
      ((ObjectNode) tree.get(path.substring(0, dot)))
          .set(path.substring(dot + 1), TextNode.valueOf(value));
    }
  }

  private PlandevConfig bind(ObjectNode tree, Map<String, String> sources) {
    try {
      return json.treeToValue(tree, PlandevConfig.class);
    } catch (JsonMappingException e) {
      ConfigException brokenRules = brokenRules(e);
      if (brokenRules != null) {
        throw new ConfigException(
            brokenRules.problems(),
            p -> p + " (from " + sources.getOrDefault(p.path(), "default") + ")");
      }
      StringBuilder path = new StringBuilder();
      for (JsonMappingException.Reference r : e.getPath()) {
        if (r.getFieldName() != null) {
          path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
        }
      }
      String p = path.toString();
      JsonNode bad = tree.at("/" + p.replace('.', '/'));
      throw new ConfigException(
          p
              + ": "
              + explain(e)
              + "; got '"
              + (bad.isMissingNode() ? "?" : bad.asText())
              + "' (from "
              + sources.getOrDefault(p, "default")
              + ")",
          e);
    } catch (JsonProcessingException e) {
      throw new ConfigException("invalid configuration: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * The exception the configuration's constructor threw for the rules it breaks, which Jackson
   * wraps in its own; null when binding failed for another reason.
   */
  private static ConfigException brokenRules(JsonMappingException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof ConfigException c && !c.problems().isEmpty()) {
        return c;
      }
    }
    return null;
  }

  private static String explain(JsonMappingException e) {
    String m = e.getOriginalMessage();
    if (m.contains("not a duration")) {
      return m.substring(m.indexOf("is not a duration") - 0).replaceFirst("^", "value ");
    }
    if (m.contains("`int`") || m.contains("`long`")) {
      return "expected a whole number";
    }
    if (m.contains("`double`")) {
      return "expected a number";
    }
    if (m.contains("`boolean`")) {
      return "expected true or false";
    }
    return m;
  }

  /** Calls {@code visitor} for every leaf of the tree with its dotted path. */
  static void leaves(
      JsonNode node, String prefix, java.util.function.BiConsumer<String, JsonNode> visitor) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isObject()) {
        leaves(e.getValue(), prefix + e.getKey() + ".", visitor);
      } else {
        visitor.accept(prefix + e.getKey(), e.getValue());
      }
    }
  }

  /** The effective settings as {@code path -> display value}, secrets masked, in file order. */
  Map<String, String> display(PlandevConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    leaves(
        json.valueToTree(config),
        "",
        (path, node) -> {
          String v = node.asText();
          out.put(path, PlandevConfig.SECRET_PATHS.contains(path) && !v.isEmpty() ? "****" : v);
        });
    return out;
  }
}
