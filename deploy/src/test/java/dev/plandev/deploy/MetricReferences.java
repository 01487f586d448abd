package dev.plandev.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads, found without a PromQL parser: label matchers,
 * strings, ranges and grouping clauses are removed first, then every remaining name that is not a
 * function call, a keyword or a recording rule ({@code level:metric:operation}) is a metric.
 */
final class MetricReferences {
  private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
  private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
  private static final Pattern GROUPING =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern NAME =
      Pattern.compile("(?<![\\w.$])([a-zA-Z_:][a-zA-Z0-9_:]*+)(?!\\s*\\()");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "offset",
          "inf",
          "nan",
          "Inf",
          "NaN");
  private static final Pattern LABEL_VALUES =
      Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

  private MetricReferences() {}

  /** The metrics {@code promql} reads. */
  static Set<String> in(String promql) {
    String s = STRINGS.matcher(promql).replaceAll(" ");
    s = MATCHERS.matcher(s).replaceAll(" ");
    s = RANGES.matcher(s).replaceAll(" ");
    s = GROUPING.matcher(s).replaceAll(" ");
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(s);
    while (m.find()) {
      String name = m.group(1);
      if (!KEYWORDS.contains(name) && !name.contains(":")) {
        names.add(name);
      }
    }
    return names;
  }

  /** The metric a Grafana variable query {@code label_values(metric, label)} reads, if any. */
  static Set<String> inVariableQuery(String query) {
    Matcher m = LABEL_VALUES.matcher(query);
    return m.find() ? Set.of(m.group(1)) : in(query);
  }
}
