package dev.plandev.server;

import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code page} and {@code limit} parameters of a paged read ({@code GET /api/v1/defaults},
 * {@code GET /api/v1/changes}), and the body every paged read answers with.
 */
record Paging(int page, int limit) {

  /** The paging of a request: page 1 and the store's default limit unless the client says. */
  static Paging of(Context ctx) {
    return new Paging(integer(ctx, "page", 1), integer(ctx, "limit", ListQuery.DEFAULT_LIMIT));
  }

  /** {@code items}, {@code page}, {@code limit} and {@code total}, in that order. */
  static Map<String, Object> body(Page<?> page, List<?> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", items);
    body.put("page", page.page());
    body.put("limit", page.limit());
    body.put("total", page.total());
    return body;
  }

  private static int integer(Context ctx, String name, int fallback) {
    String v = ctx.queryParam(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw HttpProblem.unprocessable(name, "must be a whole number; got '" + v + "'");
    }
  }
}
