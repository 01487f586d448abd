package dev.plandev.server;

import dev.plandev.defaults.model.ListQuery;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The query string of {@code GET /api/v1/defaults} ({@code page}, {@code limit}, {@code
 * sort=field:dir}, {@code filter[...]}) read as the store's {@link ListQuery}, and the links from
 * one page of the answer to its neighbours.
 */
final class EntryListQuery {
  private static final Pattern FILTER = Pattern.compile("filter\\[(.+)]");
  private static final Set<String> PLAIN_PARAMETERS = Set.of("page", "limit", "sort");

  private EntryListQuery() {}

  /** The store query a request asks for; an unknown parameter or filter is a 400. */
  static ListQuery parse(Context ctx, Paging paging) {
    ListQuery q = ListQuery.all().withPage(paging.page(), paging.limit());
    String sort = ctx.queryParam("sort");
    if (sort != null) {
      q = q.withSort(sort);
    }
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      Matcher m = FILTER.matcher(p.getKey());
      if (m.matches()) {
        q = filter(q, m.group(1), p.getValue().get(0));
      } else if (!PLAIN_PARAMETERS.contains(p.getKey())) {
        throw HttpProblem.badRequest(
            "unknown query parameter '"
                + p.getKey()
                + "'; use page, limit, sort, filter[keyPrefix],"
                + " filter[context.FIELD], filter[deprecated], filter[expired], filter[secret]");
      }
    }
    return q;
  }

  private static ListQuery filter(ListQuery q, String name, String value) {
    if (name.equals("keyPrefix") || name.equals("key")) {
      return q.withKeyPrefix(value);
    } else if (name.startsWith("context.")) {
      return q.withContextField(name.substring("context.".length()), value);
    } else if (name.equals("deprecated")) {
      return q.withDeprecated(bool(name, value));
    } else if (name.equals("expired")) {
      return q.withExpired(bool(name, value));
    } else if (name.equals("secret")) {
      return q.withSecret(bool(name, value));
    }
    throw HttpProblem.badRequest(
        "unknown filter '"
            + name
            + "'; filter on keyPrefix, context.FIELD, deprecated, expired or secret");
  }

  private static boolean bool(String name, String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw HttpProblem.unprocessable(
          "filter[" + name + "]", "must be true or false; got '" + v + "'");
    }
    return Boolean.parseBoolean(v);
  }

  /**
   * {@code self}, {@code next} and {@code prev} links of the requested page, the same query with
   * another page number; the next one also goes out as a {@code Link} header.
   */
  static Map<String, String> links(Context ctx, int page, boolean hasNext) {
    Map<String, String> links = new LinkedHashMap<>();
    links.put("self", link(ctx, page));
    if (hasNext) {
      links.put("next", link(ctx, page + 1));
      ctx.header("Link", "<" + links.get("next") + ">; rel=\"next\"");
    }
    if (page > 1) {
      links.put("prev", link(ctx, page - 1));
    }
    return links;
  }

  private static String link(Context ctx, int page) {
    StringBuilder b = new StringBuilder(ctx.path()).append("?page=").append(page);
    for (Map.Entry<String, List<String>> p : ctx.queryParamMap().entrySet()) {
      if (!p.getKey().equals("page")) {
        for (String v : p.getValue()) {
          b.append('&')
              .append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
              .append('=')
              .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        }
      }
    }
    return b.toString();
  }
}
