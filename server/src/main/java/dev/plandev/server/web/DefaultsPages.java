package dev.plandev.server.web;

import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The defaults pages people read: the entries, paged, sorted and filtered as {@code GET
 * /api/v1/defaults} does (plus secret or plain); one entry with its form and audit trail; and the
 * audit trail of everything.
 */
final class DefaultsPages {
  private static final Logger LOG = LoggerFactory.getLogger(DefaultsPages.class);
  private static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
  private static final int ENTRY_CHANGES = 100;

  private final DefaultsStore store;
  private final Pages pages;
  private final Clock clock;

  DefaultsPages(DefaultsStore store, Pages pages, Clock clock) {
    this.store = store;
    this.pages = pages;
    this.clock = clock;
  }

  void register(Javalin app) {
    app.get("/defaults", this::list);
    app.get("/defaults/entry", this::entry);
    app.get("/defaults/changes", this::changes);
  }

  // ---- the list
  // ----------------------------------------------------------------------------------

  private void list(Context ctx) {
    Map<String, Object> model = new HashMap<>();
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : List.of("prefix", "context", "deprecated", "expired", "secret")) {
      filters.put(name, param(ctx, name));
    }
    String sort = ListQuery.SORT_FIELDS.contains(param(ctx, "sort")) ? param(ctx, "sort") : "key";
    String dir = "desc".equals(param(ctx, "dir")) ? "desc" : "asc";
    int limit =
        PAGE_SIZES.contains(number(param(ctx, "limit"), 0)) ? number(param(ctx, "limit"), 0) : 25;
    int page = Math.max(1, number(param(ctx, "page"), 1));
    model.put("filters", filters);
    model.put("sort", sort);
    model.put("dir", dir);
    model.put("limit", limit);
    model.put("sizes", PAGE_SIZES);
    model.put("sortFields", ListQuery.SORT_FIELDS);
    int status = 200;
    try {
      ListQuery q = query(filters).withSort(sort + ":" + dir).withPage(page, limit);
      Page<DefaultEntry> found = store.list(q);
      model.put(
          "rows",
          found.items().stream().map(e -> EntryView.of(e, clock.instant(), false)).toList());
      model.put("total", found.total());
      model.put("page", page);
      model.put("pages", Math.max(1, (found.total() + limit - 1) / limit));
      model.put("hasNext", found.hasNext());
      model.put("self", listLink(filters, sort, dir, limit));
    } catch (InvalidInputException e) {
      Map<String, String> errors = new HashMap<>();
      e.errors().forEach(f -> errors.put(f.field(), f.message()));
      model.put("errors", errors);
      model.put("rows", List.of());
      model.put("total", 0);
      model.put("page", 1);
      model.put("pages", 1);
      status = 422;
    }
    model.put("notice", ctx.queryParam("notice"));
    pages.send(ctx, status, "defaults", model);
  }

  /** The store query of the filter fields; a context that cannot be read names the field. */
  private static ListQuery query(Map<String, String> filters) {
    ListQuery q = ListQuery.all();
    if (!filters.get("prefix").isEmpty()) {
      q = q.withKeyPrefix(filters.get("prefix"));
    }
    for (Map.Entry<String, String> f :
        ContextText.parse(filters.get("context")).fields().entrySet()) {
      q = q.withContextField(f.getKey(), f.getValue());
    }
    return q.withDeprecated(flag(filters.get("deprecated")))
        .withExpired(flag(filters.get("expired")))
        .withSecret(flag(filters.get("secret")));
  }

  /** A yes/no filter: {@code yes}, {@code no}, or anything else for both. */
  private static Boolean flag(String v) {
    return switch (v) {
      case "yes" -> Boolean.TRUE;
      case "no" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** The list's address with these filters and order, to which a page number is appended. */
  private static String listLink(Map<String, String> filters, String sort, String dir, int limit) {
    StringBuilder b = new StringBuilder("/defaults?sort=").append(sort).append("&dir=").append(dir);
    b.append("&limit=").append(limit);
    filters.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            b.append('&')
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return b.toString();
  }

  // ---- one entry
  // ---------------------------------------------------------------------------------

  private void entry(Context ctx) {
    DefaultEntry e = find(ctx.queryParam("id"));
    boolean reveal = ctx.queryParam("reveal") != null && e.secret();
    if (reveal) {
      Pages.session(ctx).requireAdmin("see secret values");
      LOG.info(
          "web UI: key '{}' revealed the secret value of {} {}",
          Pages.session(ctx).keyName(),
          e.key(),
          e.context().toJson());
    }
    showEntry(ctx, 200, e, EntryForm.of(e), reveal, ctx.queryParam("notice"), null);
  }

  /** The entry with its details, audit trail and form ({@code form} as typed, with its errors). */
  void showEntry(
      Context ctx,
      int status,
      DefaultEntry e,
      EntryForm form,
      boolean reveal,
      String notice,
      String problem) {
    Map<String, Object> model = new HashMap<>();
    model.put("entry", EntryView.of(e, clock.instant(), reveal));
    model.put("form", form);
    model.put("types", EntryForm.TYPES);
    model.put("notice", notice);
    model.put("problem", problem);
    List<Change> changes = store.changes(e.key(), 1, ENTRY_CHANGES).items();
    model.put(
        "changes",
        changes.stream()
            .filter(c -> c.entityId() != null && c.entityId() == e.id())
            .map(ChangeView::of)
            .toList());
    pages.send(ctx, status, "entry", model);
  }

  /** The entry with this id, or a not-found page. */
  DefaultEntry find(String id) {
    long n;
    try {
      n = Long.parseLong(id == null ? "" : id.strip());
    } catch (NumberFormatException e) {
      n = -1;
    }
    return store
        .find(n)
        .orElseThrow(
            () ->
                WebException.notFound(
                    "there is no default with id '"
                        + (id == null ? "" : id)
                        + "'; it may have been deleted. The Defaults page lists them all"));
  }

  // ---- the audit trail
  // ---------------------------------------------------------------------------

  private void changes(Context ctx) {
    String key = param(ctx, "key");
    int page = Math.max(1, number(param(ctx, "page"), 1));
    Page<Change> found = store.changes(key.isEmpty() ? null : key, page, 50);
    Map<String, Object> model = new HashMap<>();
    model.put("key", key);
    model.put("page", page);
    model.put("hasNext", found.hasNext());
    model.put("total", found.total());
    model.put("changes", found.items().stream().map(ChangeView::of).toList());
    pages.send(ctx, 200, "changes", model);
  }

  static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  static int number(String text, int fallback) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
