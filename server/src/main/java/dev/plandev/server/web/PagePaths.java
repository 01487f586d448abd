package dev.plandev.server.web;

import io.javalin.http.Context;
import java.util.List;

/** Which requests the web UI answers, and which of those a browser's script sent for data. */
final class PagePaths {
  /** The service's machine-facing paths, which answer problem+json whoever asks. */
  private static final List<String> API =
      List.of(
          "/api",
          "/ofrep",
          "/mcp",
          "/livez",
          "/health",
          "/ready",
          "/metrics",
          "/openapi.json",
          "/docs");

  private PagePaths() {}

  /** Paths of the UI's own pages and actions. */
  static boolean isPage(String path) {
    return path.equals("/")
        || path.equals("/login")
        || path.equals("/logout")
        || path.equals("/signin")
        || path.equals("/plan")
        || path.startsWith("/plan/")
        || area(path) != null
        || path.startsWith("/ui/");
  }

  /** The sections of the UI beside the plans, each a path and the paths under it. */
  private static final List<String> AREAS =
      List.of("defaults", "resolve", "learning", "operations");

  /**
   * The section of the UI a path is in, for the navigation: {@code plans}, {@code defaults}, {@code
   * resolve}, {@code learning}, {@code operations}, or null for none.
   */
  static String area(String path) {
    if (path.equals("/") || path.equals("/plan") || path.startsWith("/plan/")) {
      return "plans";
    }
    for (String area : AREAS) {
      if (path.equals("/" + area) || path.startsWith("/" + area + "/")) {
        return area;
      }
    }
    return null;
  }

  /** Pages that anyone may open: signing in, and the UI's scripts and styles. */
  static boolean isOpen(String path) {
    return path.equals("/login") || path.equals("/signin") || path.startsWith("/ui/assets/");
  }

  /**
   * Whether a failure on this request gets an HTML page rather than problem+json: the UI's own
   * paths, and unknown paths asked for by a browser; the API's paths, and methods no page or form
   * uses, always keep problem+json.
   */
  static boolean wantsPage(Context ctx) {
    String path = ctx.path();
    String method = ctx.method().name();
    if (!method.equals("GET") && !method.equals("POST")) {
      return false;
    }
    for (String api : API) {
      if (path.equals(api) || path.startsWith(api + "/")) {
        return false;
      }
    }
    if (isPage(path)) {
      return !fromScript(ctx);
    }
    String accept = ctx.header("Accept");
    return accept != null && accept.contains("text/html");
  }

  /** A request sent by the UI's scripts, which want JSON back (with the error in plain words). */
  static boolean fromScript(Context ctx) {
    return "plandev".equals(ctx.header("X-Requested-With"));
  }
}
