package dev.plandev.plans.hygen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template file split as hygen's front-matter package splits it: a first line of {@code ---}, the
 * YAML attributes, a closing {@code ---} (or {@code ...}) line, then the body. As there, the blank
 * lines right after the closing line belong to neither.
 *
 * @param attributes the YAML attributes in file order (values not yet rendered)
 * @param body the text after the front matter
 * @param bodyLine the line of the file where the body starts
 */
record FrontMatter(Map<String, Object> attributes, String body, int bodyLine) {
  private static final Pattern BLOCK =
      Pattern.compile(
          "^(\\uFEFF?(= yaml =|---)$([\\s\\S]*?)^(?:\\2|\\.\\.\\.)\\s*$(?:\\n)?)",
          Pattern.MULTILINE | Pattern.UNIX_LINES);
  private static final Pattern FIRST_LINE = Pattern.compile("= yaml =|---");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static FrontMatter parse(String text, String file) {
    String firstLine = text.split("\r?\n", 2)[0];
    if (!FIRST_LINE.matcher(firstLine).find()) {
      return new FrontMatter(Map.of(), text, 1);
    }
    Matcher m = BLOCK.matcher(text);
    if (!m.find()) {
      return new FrontMatter(Map.of(), text, 1);
    }
    String yaml = m.group(m.groupCount()).strip();
    Map<String, Object> attributes = new LinkedHashMap<>();
    if (!yaml.isEmpty()) {
      try {
        Object parsed = YAML.readValue(yaml, Object.class);
        if (parsed instanceof Map<?, ?> map) {
          map.forEach((k, v) -> attributes.put(String.valueOf(k), v));
        }
      } catch (JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr() + 1;
        throw new TemplateProblemException(
            file, line, "the front matter is not valid YAML: " + e.getOriginalMessage());
      }
    }
    int at = text.indexOf(m.group());
    String body = text.substring(0, at) + text.substring(at + m.group().length());
    int bodyLine = 1;
    for (int i = 0; i < m.end(); i++) {
      if (text.charAt(i) == '\n') {
        bodyLine++;
      }
    }
    return new FrontMatter(attributes, body, bodyLine);
  }

  /** The line of the file where attribute {@code key} is written, or 1. */
  static int lineOf(String text, String key) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(key + ":")) {
        return i + 1;
      }
    }
    return 1;
  }
}
