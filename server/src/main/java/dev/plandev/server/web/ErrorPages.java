package dev.plandev.server.web;

import dev.plandev.plans.PlanException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where the UI turns refusals into answers: an HTML error page for a browser, or JSON
 * with the message in plain words for the page's own script (which shows it to the person).
 */
final class ErrorPages {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
  private final Pages pages;

  ErrorPages(Pages pages) {
    this.pages = pages;
  }

  void install(Javalin app) {
    app.exception(
        StalePlanException.class,
        (e, ctx) -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("message", e.getMessage());
          body.put("version", e.currentVersion);
          if (PagePaths.fromScript(ctx)) {
            ctx.status(e.status).json(body);
          } else {
            show(ctx, e.status, e.title, e.getMessage());
          }
        });
    app.exception(WebException.class, (e, ctx) -> show(ctx, e.status, e.title, e.getMessage()));
    // A plan file that is missing, read-only, not text, or kept changing under the edit: the
    // message names the person's own file and what to do.
    app.exception(
        PlanException.class,
        (e, ctx) -> show(ctx, 409, "The plan could not be changed", e.getMessage()));
  }

  /** Answers with the error: a page for a browser, JSON for the UI's script. */
  void show(Context ctx, int status, String title, String message) {
    if (PagePaths.fromScript(ctx)) {
      ctx.status(status).json(Map.of("message", message));
      return;
    }
    Map<String, Object> model = new HashMap<>();
    model.put("status", status);
    model.put("title", title);
    model.put("message", message);
    try {
      pages.send(ctx, status, "error", model);
    } catch (RuntimeException e) {
      // The error page itself failed: a plain answer, never a loop of failing error pages.
      LOG.error("web UI: the error page failed to render", e);
      ctx.status(status).contentType("text/plain; charset=utf-8").result(title + ": " + message);
    }
  }
}
