package dev.plandev.mcp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The arguments of one tool call, read by name and type.
 *
 * <p>Every reader fails with an {@link InvalidArgumentException} naming the argument and what it
 * should be, so that an agent can correct its call from the message alone. Arguments the tool does
 * not know are refused too: a misspelt {@code dept} silently ignored would make the answer wrong.
 */
final class Arguments {
  private final String tool;
  private final Map<String, Object> values;

  Arguments(String tool, Map<String, Object> values, Set<String> known) {
    this.tool = tool;
    this.values = values == null ? Map.of() : values;
    for (String name : this.values.keySet()) {
      if (!known.contains(name)) {
        throw new InvalidArgumentException(
            tool
                + " has no argument '"
                + name
                + "'; its arguments are "
                + String.join(", ", known));
      }
    }
  }

  /** A required non-blank string. */
  String string(String name) {
    return optionalString(name)
        .orElseThrow(() -> new InvalidArgumentException(where(name) + " is required"));
  }

  /** A string when given; blank counts as absent. */
  Optional<String> optionalString(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Optional.empty();
    }
    if (!(v instanceof String s)) {
      throw new InvalidArgumentException(where(name) + " must be a string; got " + shown(v));
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /** An integer in {@code [min, max]}, or {@code fallback} when absent. */
  int integer(String name, int fallback, int min, int max) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    boolean whole =
        v instanceof Integer
            || v instanceof Long
            || (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()));
    if (!whole) {
      throw new InvalidArgumentException(where(name) + " must be an integer; got " + shown(v));
    }
    long n = ((Number) v).longValue();
    if (n < min || n > max) {
      throw new InvalidArgumentException(
          where(name) + " must be between " + min + " and " + max + "; got " + n);
    }
    return (int) n;
  }

  /** A boolean, or {@code fallback} when absent. */
  boolean bool(String name, boolean fallback) {
    Object v = values.get(name);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof Boolean b)) {
      throw new InvalidArgumentException(where(name) + " must be true or false; got " + shown(v));
    }
    return b;
  }

  /** A list of strings, empty when absent; a single string is taken as a list of one. */
  List<String> strings(String name) {
    Object v = values.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return List.of(s);
    }
    if (!(v instanceof List<?> list)) {
      throw new InvalidArgumentException(
          where(name) + " must be an array of strings; got " + shown(v));
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw new InvalidArgumentException(
            where(name) + " must hold non-empty strings; got " + shown(item));
      }
      out.add(s);
    }
    return out;
  }

  /**
   * An object whose fields each hold a string or an array of strings, such as {@code {"2.1":
   * ["priority:high"]}}; empty when absent. Fields keep the order given.
   */
  Map<String, List<String>> stringLists(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new InvalidArgumentException(
          where(name)
              + " must be an object of string arrays, e.g. {\"2.1\": [\"priority:high\"]}; got "
              + shown(v));
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object field = e.getValue();
      List<?> items = field instanceof List<?> list ? list : Collections.singletonList(field);
      List<String> strings = new ArrayList<>();
      for (Object item : items) {
        if (!(item instanceof String s) || s.isBlank()) {
          throw new InvalidArgumentException(
              where(name) + "." + e.getKey() + " must hold non-empty strings; got " + shown(item));
        }
        strings.add(s);
      }
      out.put(String.valueOf(e.getKey()), strings);
    }
    return out;
  }

  /**
   * A flat object of string fields, empty when absent; numbers and booleans are taken as their
   * text, as the REST API does.
   */
  Map<String, String> stringMap(String name) {
    Object v = values.get(name);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new InvalidArgumentException(
          where(name) + " must be an object of strings, e.g. {\"env\": \"prod\"}; got " + shown(v));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object field = e.getValue();
      if (!(field instanceof String || field instanceof Number || field instanceof Boolean)) {
        throw new InvalidArgumentException(
            where(name) + "." + e.getKey() + " must be a string; got " + shown(field));
      }
      out.put(String.valueOf(e.getKey()), String.valueOf(field));
    }
    return out;
  }

  private String where(String name) {
    return tool + " argument '" + name + "'";
  }

  private static String shown(Object v) {
    if (v == null) {
      return "null";
    }
    String text = v instanceof String s ? "\"" + s + "\"" : v.toString();
    return text.length() > 60 ? text.substring(0, 59) + "…" : text;
  }
}
