package dev.plandev.plans.hygen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words after {@code GENERATOR ACTION} read as hygen reads them (yargs-parser's defaults):
 * {@code --key value}, {@code --key=value}, {@code --flag} (true), {@code --no-flag} (false), a
 * repeated key as a list, values that look like numbers as numbers, and each {@code dashed-key}
 * also as {@code dashedKey}.
 *
 * @param positionals the words that are not options, numbers converted
 * @param options the options in the order given
 */
record CommandLineArguments(List<Object> positionals, Map<String, Object> options) {
  private static final Pattern NUMBER =
      Pattern.compile(
          "^(?:0x[0-9a-f]+|-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:e[-+]?\\d+)?)$",
          Pattern.CASE_INSENSITIVE);

  static CommandLineArguments parse(List<String> words) {
    List<Object> positionals = new ArrayList<>();
    Map<String, Object> options = new LinkedHashMap<>();
    int i = 0;
    while (i < words.size()) {
      String word = words.get(i++);
      if (word.equals("--")) {
        words.subList(i, words.size()).forEach(w -> positionals.add(value(w)));
        break;
      }
      if (!word.startsWith("--") || word.length() == 2) {
        positionals.add(value(word));
        continue;
      }
      String key = word.substring(2);
      Object value;
      int eq = key.indexOf('=');
      if (eq >= 0) {
        value = value(key.substring(eq + 1));
        key = key.substring(0, eq);
      } else if (key.startsWith("no-")) {
        key = key.substring(3);
        value = false;
      } else if (i < words.size() && !words.get(i).startsWith("--")) {
        value = value(words.get(i++));
      } else {
        value = true;
      }
      put(options, key, value);
      String camel = camel(key);
      if (!camel.equals(key)) {
        put(options, camel, value);
      }
    }
    return new CommandLineArguments(positionals, options);
  }

  private static void put(Map<String, Object> options, String key, Object value) {
    Object earlier = options.get(key);
    if (earlier == null) {
      options.put(key, value);
      return;
    }
    List<Object> all = new ArrayList<>();
    if (earlier instanceof List<?> list) {
      all.addAll(list);
    } else {
      all.add(earlier);
    }
    all.add(value);
    options.put(key, all);
  }

  /** A word as yargs-parser leaves it: a number when it reads as a safe one, else the text. */
  static Object value(String word) {
    if (!NUMBER.matcher(word).matches() || word.matches("^-?0[^.xX].*")) {
      return word;
    }
    double d =
        word.toLowerCase().startsWith("0x")
            ? Long.parseLong(word.substring(2), 16)
            : Double.parseDouble(word);
    if (Math.abs(Math.floor(d)) > 9007199254740991d) {
      return word;
    }
    return d == Math.rint(d) && !Double.isInfinite(d) ? integral(d) : d;
  }

  private static Object integral(double d) {
    return d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE ? (Object) (int) d : d;
  }

  private static String camel(String key) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (c == '-') {
        upper = out.length() > 0;
        continue;
      }
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = false;
    }
    return out.toString();
  }
}
