package dev.plandev.defaults.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The situation a default applies to: a flat map of string fields such as {@code project} or {@code
 * env}; the empty context is global.
 *
 * <p>Its canonical form is a JSON object with sorted keys and no whitespace, so that equal contexts
 * are equal strings: the store keys entries on it and the cache builds its keys from it.
 */
public final class Context {
  public static final Context EMPTY = new Context(new TreeMap<>());

  private final TreeMap<String, String> fields;
  private final String json;

  private Context(TreeMap<String, String> fields) {
    this.fields = fields;
    this.json = CanonicalJson.write(fields);
  }

  /** A context of these fields; null names or values are refused. */
  public static Context of(Map<String, String> fields) {
    if (fields.isEmpty()) {
      return EMPTY;
    }
    TreeMap<String, String> sorted = new TreeMap<>();
    fields.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "context field name");
          Objects.requireNonNull(v, () -> "value of context field " + k);
          sorted.put(k, v);
        });
    return new Context(sorted);
  }

  /** A context of alternating names and values, for tests and code: {@code of("env", "prod")}. */
  public static Context of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("context needs name/value pairs");
    }
    TreeMap<String, String> m = new TreeMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      m.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return of(m);
  }

  /**
   * Parses a JSON object whose values are strings (numbers and booleans are taken as their text).
   *
   * @throws InvalidInputException naming the problem when the text is not such an object
   */
  public static Context parse(String json) {
    return of(CanonicalJson.readFlatObject(json));
  }

  /** The fields, sorted by name; also how Jackson writes a context. */
  @com.fasterxml.jackson.annotation.JsonValue
  public Map<String, String> fields() {
    return Collections.unmodifiableMap(fields);
  }

  public int size() {
    return fields.size();
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  /** The canonical JSON form: sorted keys, no whitespace. */
  public String toJson() {
    return json;
  }

  /** True when every field of this context has the same value in {@code other}. */
  public boolean isSubsetOf(Context other) {
    if (fields.size() > other.fields.size()) {
      return false;
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!e.getValue().equals(other.fields.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Context c && c.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
