package dev.plandev.server.web;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A context as people type it in a form: {@code env=prod, project=web} (commas or new lines between
 * fields), or a JSON object; empty is the global context.
 */
final class ContextText {
  private ContextText() {}

  /**
   * The context the text names.
   *
   * @throws InvalidInputException on the field {@code context} when a part is not NAME=VALUE
   */
  static Context parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return Context.EMPTY;
    }
    if (t.startsWith("{")) {
      return Context.parse(t);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : t.split("[,\\n]")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0) {
        throw new InvalidInputException(
            "context", "'" + p + "' is not NAME=VALUE; write fields as env=prod, project=web");
      }
      String name = p.substring(0, eq).strip();
      if (fields.containsKey(name)) {
        throw new InvalidInputException(
            "context", "the field '" + name + "' is given twice; give each field once");
      }
      fields.put(name, p.substring(eq + 1).strip());
    }
    return Context.of(fields);
  }

  /** The context as the forms show it: {@code env=prod, project=web}, empty for global. */
  static String format(Context context) {
    return context.fields().entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
