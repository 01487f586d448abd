package dev.plandev.defaults.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to list: a page, a sort order and filters; validated when built.
 *
 * @param page 1-based page number
 * @param limit page size, 1 to {@value #MAX_LIMIT}
 * @param sortField one of {@link #SORT_FIELDS}
 * @param descending sort direction
 * @param keyPrefix only keys starting with this, or null
 * @param contextFields only entries whose context has these field values
 * @param deprecated only entries with this deprecated flag, or null for both
 * @param expired only entries that are (true) or are not (false) expired, or null for both
 * @param secret only secret (true) or plain (false) entries, or null for both
 */
public record ListQuery(
    int page,
    int limit,
    String sortField,
    boolean descending,
    String keyPrefix,
    Map<String, String> contextFields,
    Boolean deprecated,
    Boolean expired,
    Boolean secret) {

  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 50;

  /** Fields a listing can be sorted by, as the API and CLI name them. */
  public static final List<String> SORT_FIELDS =
      List.of(
          "id",
          "key",
          "createdAt",
          "updatedAt",
          "confidence",
          "usageCount",
          "successRate",
          "lastUsed",
          "expiresAt");

  public ListQuery {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    if (page < 1) {
      errors.add(new InvalidInputException.FieldError("page", "must be 1 or more; got " + page));
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      errors.add(
          new InvalidInputException.FieldError(
              "limit", "must be between 1 and " + MAX_LIMIT + "; got " + limit));
    }
    if (!SORT_FIELDS.contains(sortField)) {
      errors.add(
          new InvalidInputException.FieldError(
              "sort",
              "cannot sort by '" + Texts.truncate(sortField) + "'; use one of " + SORT_FIELDS));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    contextFields = Map.copyOf(contextFields == null ? Map.of() : contextFields);
  }

  /** The first page of everything, sorted by key. */
  public static ListQuery all() {
    return new ListQuery(1, DEFAULT_LIMIT, "key", false, null, Map.of(), null, null, null);
  }

  /**
   * Parses a sort expression such as {@code key:asc} or {@code usageCount:desc} into this query.
   */
  public ListQuery withSort(String expression) {
    String[] parts = expression.split(":", 2);
    String dir = parts.length == 2 ? parts[1].toLowerCase(Locale.ROOT) : "asc";
    if (!dir.equals("asc") && !dir.equals("desc")) {
      throw new InvalidInputException(
          "sort", "direction must be asc or desc; got '" + Texts.truncate(parts[1]) + "'");
    }
    return new ListQuery(
        page,
        limit,
        parts[0],
        dir.equals("desc"),
        keyPrefix,
        contextFields,
        deprecated,
        expired,
        secret);
  }

  public ListQuery withPage(int p, int l) {
    return new ListQuery(
        p, l, sortField, descending, keyPrefix, contextFields, deprecated, expired, secret);
  }

  public ListQuery withKeyPrefix(String prefix) {
    return new ListQuery(
        page, limit, sortField, descending, prefix, contextFields, deprecated, expired, secret);
  }

  public ListQuery withContextField(String name, String value) {
    Map<String, String> m = new LinkedHashMap<>(contextFields);
    m.put(name, value);
    return new ListQuery(
        page, limit, sortField, descending, keyPrefix, m, deprecated, expired, secret);
  }

  public ListQuery withDeprecated(Boolean d) {
    return new ListQuery(
        page, limit, sortField, descending, keyPrefix, contextFields, d, expired, secret);
  }

  public ListQuery withExpired(Boolean e) {
    return new ListQuery(
        page, limit, sortField, descending, keyPrefix, contextFields, deprecated, e, secret);
  }

  public ListQuery withSecret(Boolean s) {
    return new ListQuery(
        page, limit, sortField, descending, keyPrefix, contextFields, deprecated, expired, s);
  }
}
