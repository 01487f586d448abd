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
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Converts between a {@link PlandevConfig} and its tree of settings: durations written as people
 * write them ({@code 24h}), whole numbers and booleans checked, and every failure told with the
 * setting, the value and the layer that set it.
 */
final class ConfigBinding {
  private static final ObjectMapper JSON = mapper();

  private ConfigBinding() {}

  private static ObjectMapper mapper() {
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
    return new ObjectMapper()
        .registerModule(durations)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  }

  /** The settings of {@code config} as a tree of sections, durations as text. */
  static ObjectNode toTree(PlandevConfig config) {
    return JSON.valueToTree(config);
  }

  /**
   * The configuration the tree describes, which its constructor has checked.
   *
   * @param sources for each setting path, the layer that set it, named in the messages
   * @throws ConfigException naming the setting, its value and its layer: a value of the wrong type,
   *     or every rule the configuration breaks
   */
  static PlandevConfig bind(ObjectNode tree, Map<String, String> sources) {
    try {
      return JSON.treeToValue(tree, PlandevConfig.class);
    } catch (JsonMappingException e) {
      ConfigException brokenRules = brokenRules(e);
      if (brokenRules != null) {
        throw new ConfigException(
            brokenRules.problems(), p -> p + " (from " + source(sources, p.path()) + ")");
      }
      throw badValue(tree, sources, e);
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

  /** A value Jackson could not turn into its setting's type, told with the setting's path. */
  private static ConfigException badValue(
      ObjectNode tree, Map<String, String> sources, JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    String p = path.toString();
    JsonNode bad = tree.at("/" + p.replace('.', '/'));
    return new ConfigException(
        p
            + ": "
            + explain(e)
            + "; got '"
            + (bad.isMissingNode() ? "?" : bad.asText())
            + "' (from "
            + source(sources, p)
            + ")",
        e);
  }

  private static String source(Map<String, String> sources, String path) {
    return sources.getOrDefault(path, "default");
  }

  private static String explain(JsonMappingException e) {
    String m = e.getOriginalMessage();
    if (m.contains("not a duration")) {
      return "value " + m.substring(m.indexOf("is not a duration"));
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

  /** The effective settings as {@code path -> display value}, secrets masked, in file order. */
  static Map<String, String> display(PlandevConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    SettingsTree.leaves(
        toTree(config),
        "",
        (path, node) -> {
          String v = node.asText();
          out.put(path, PlandevConfig.SECRET_PATHS.contains(path) && !v.isEmpty() ? "****" : v);
        });
    return out;
  }
}
