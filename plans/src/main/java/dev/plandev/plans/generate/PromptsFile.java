package dev.plandev.plans.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a template's {@code prompts.yaml}.
 *
 * <pre>
 * description: Plan de développement en phases numérotées
 * prompts:
 *   - name: phases
 *     message: Nombre de phases
 *     type: number          # input (default) | number | list | confirm
 *     choices: [3, 4, 5]
 *     default: 3            # a template: "v{{ year }}-{{ month }}"
 *     validation: '^[0-9]+$'
 *     required: true
 *     learn: true           # false: no smart default for values unique to each plan
 * </pre>
 */
final class PromptsFile {
  static final String NAME = "prompts.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String description;
  private final List<Prompt> prompts;

  private PromptsFile(String description, List<Prompt> prompts) {
    this.description = description;
    this.prompts = prompts;
  }

  String description() {
    return description;
  }

  List<Prompt> prompts() {
    return prompts;
  }

  /**
   * Parses the text of a prompts file.
   *
   * @param where the file, for messages
   * @throws TemplateFormatException naming the file and the problem
   */
  static PromptsFile parse(String where, String text) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new TemplateFormatException(where, "not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new TemplateFormatException(where, "must be a mapping with 'prompts:'");
    }
    JsonNode list = root.path("prompts");
    if (!list.isMissingNode() && !list.isArray()) {
      throw new TemplateFormatException(where, "'prompts' must be a list");
    }
    List<Prompt> prompts = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode node : list) {
      Prompt p = prompt(where, node);
      if (!names.add(p.name())) {
        throw new TemplateFormatException(where, "prompt '" + p.name() + "' is defined twice");
      }
      prompts.add(p);
    }
    return new PromptsFile(root.path("description").asText(""), prompts);
  }

  private static Prompt prompt(String where, JsonNode node) {
    String name = node.path("name").asText("");
    String at = where + ", prompt '" + name + "'";
    if (name.isEmpty()) {
      throw new TemplateFormatException(where, "every prompt needs a 'name'");
    }
    String typeName = node.path("type").asText("input");
    PromptType type = PromptType.named(typeName);
    if (type == null) {
      throw new TemplateFormatException(
          at, "unknown type '" + typeName + "' (input, number, list or confirm)");
    }
    List<String> choices = new ArrayList<>();
    node.path("choices").forEach(c -> choices.add(c.asText()));
    JsonNode def = node.path("default");
    String defaultValue = def.isMissingNode() || def.isNull() ? null : def.asText();
    Pattern validation = null;
    if (node.hasNonNull("validation")) {
      try {
        validation = Pattern.compile(node.get("validation").asText());
      } catch (PatternSyntaxException e) {
        throw new TemplateFormatException(at, "bad 'validation' regex: " + e.getDescription(), e);
      }
    }
    try {
      return new Prompt(
          name,
          node.path("message").asText(name),
          type,
          choices,
          defaultValue,
          validation,
          node.path("required").asBoolean(false),
          node.path("learn").asBoolean(true));
    } catch (IllegalArgumentException e) {
      throw new TemplateFormatException(at, e.getMessage(), e);
    }
  }
}
