package dev.plandev.server.web;

import dev.plandev.defaults.model.Actor;
import io.javalin.http.Context;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The web UI's HTML: Pebble templates under {@code dev/plandev/server/web/templates}, escaped for
 * HTML by default, with the model every page shares (the signed-in session, its anti-forgery token
 * and the navigation).
 */
final class Pages {
  static final String SESSION_ATTRIBUTE = "plandev.web.session";

  private final PebbleEngine engine;

  Pages() {
    ClasspathLoader loader = new ClasspathLoader(Pages.class.getClassLoader());
    loader.setPrefix("dev/plandev/server/web/templates");
    loader.setSuffix(".peb");
    this.engine =
        new PebbleEngine.Builder().loader(loader).strictVariables(false).cacheActive(true).build();
  }

  /** Renders {@code template} with {@code model} plus the shared page model. */
  String render(Context ctx, String template, Map<String, Object> model) {
    Map<String, Object> all = new HashMap<>(model);
    Session session = ctx.attribute(SESSION_ATTRIBUTE);
    all.put("session", session);
    all.put("csrf", session == null ? "" : session.csrfToken());
    all.put("path", ctx.path());
    String area = PagePaths.area(ctx.path());
    all.put("area", area == null ? "" : area);
    StringWriter out = new StringWriter();
    try {
      engine.getTemplate(template).evaluate(out, all);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render page " + template, e);
    }
    return out.toString();
  }

  /** The signed-in person of a request that passed the {@link PageGuard}. */
  static Session session(Context ctx) {
    return ctx.attribute(SESSION_ATTRIBUTE);
  }

  /**
   * Who makes a change from this request, for the audit trail: the signed-in key's name and the
   * request's correlation id (which the service's guard set on the response).
   */
  static Actor actor(Context ctx) {
    String id = ctx.res().getHeader("X-Correlation-Id");
    return new Actor(session(ctx).keyName(), id == null ? Actor.newCorrelationId() : id);
  }

  /** Answers the request with the page. */
  void send(Context ctx, int status, String template, Map<String, Object> model) {
    String html = render(ctx, template, model);
    ctx.status(status).contentType("text/html; charset=utf-8").result(html);
  }
}
