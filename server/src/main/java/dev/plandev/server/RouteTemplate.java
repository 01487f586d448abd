package dev.plandev.server;

import io.javalin.http.Context;

/**
 * The route template a request matched ({@code /api/v1/defaults/{id}}), which names its meters and
 * its span; never the raw path, so what clients send cannot multiply the series.
 */
final class RouteTemplate {
  /** The route label of a request that matched none: one label for every unknown path. */
  static final String UNMATCHED = "unmatched";

  private RouteTemplate() {}

  /**
   * The template of the route that answered, or null when none did. Javalin fills the field with a
   * sentence ("No handler matched request path/method (404/405)") or a wildcard when no route
   * matched, and every template of the service starts with a slash.
   */
  static String of(Context ctx) {
    String template = ctx.endpointHandlerPath();
    return template != null && template.startsWith("/") ? template : null;
  }
}
