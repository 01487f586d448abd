package dev.plandev.server;

import dev.plandev.defaults.model.Context;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of {@code GET /api/v1/defaults/resolve}, {@code key} and {@code context[FIELD]},
 * read from the raw query string. Resolve is the service's hottest route, and Javalin's parameter
 * map (lists of decoded values for every name) costs more than the cached answer it leads to.
 */
record ResolveQuery(String key, Context context) {
  private static final String CONTEXT_OPEN = "context[";

  /** Parses a query string; the first value of a repeated name wins, as in Javalin's map. */
  static ResolveQuery parse(String query) {
    String key = null;
    Map<String, String> fields = new LinkedHashMap<>();
    int at = 0;
    int length = query == null ? 0 : query.length();
    while (at < length) {
      int end = query.indexOf('&', at);
      if (end < 0) {
        end = length;
      }
      if (end > at) {
        int eq = query.indexOf('=', at);
        if (eq < 0 || eq > end) {
          eq = end;
        }
        String name = decode(query, at, eq);
        String value = eq < end ? decode(query, eq + 1, end) : "";
        if (name.equals("key")) {
          key = key == null ? value : key;
        } else if (name.startsWith(CONTEXT_OPEN)
            && name.endsWith("]")
            && name.length() > CONTEXT_OPEN.length() + 1) {
          fields.putIfAbsent(name.substring(CONTEXT_OPEN.length(), name.length() - 1), value);
        } else {
          throw HttpProblem.badRequest(
              "unknown query parameter '" + name + "'; use key and context[FIELD]=VALUE");
        }
      }
      at = end + 1;
    }
    if (key == null || key.isBlank()) {
      throw HttpProblem.unprocessable("key", "is required, e.g. ?key=db.host&context[env]=prod");
    }
    return new ResolveQuery(key, Context.of(fields));
  }

  private static String decode(String query, int from, int to) {
    String part = query.substring(from, to);
    if (part.indexOf('%') < 0 && part.indexOf('+') < 0) {
      return part;
    }
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(
          "the query string has a malformed %-escape in '" + part + "'; encode '%' as %25");
    }
  }
}
