package dev.plandev.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What every request to the UI passes: a strict Content-Security-Policy (no inline script or style,
 * nothing from elsewhere), the session cookie for every page but sign-in, and the session's
 * anti-forgery token on every POST (a synchronizer token: the page carries it in a hidden field or
 * the script sends it in a header; the sign-in form, before any session, uses a double-submit
 * cookie instead).
 */
final class PageGuard {
  static final String COOKIE = "plandev_session";
  static final String CSRF_FIELD = "csrf";
  static final String CSRF_HEADER = "X-CSRF-Token";
  static final String CSP =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private final Sessions sessions;

  PageGuard(Sessions sessions) {
    this.sessions = sessions;
  }

  void check(Context ctx) {
    String path = ctx.path();
    if (!PagePaths.isPage(path)) {
      return;
    }
    ctx.header("Content-Security-Policy", CSP);
    Optional<Session> session = sessions.find(ctx.cookie(COOKIE));
    session.ifPresent(s -> ctx.attribute(Pages.SESSION_ATTRIBUTE, s));
    if (PagePaths.isOpen(path)) {
      return;
    }
    if (session.isEmpty()) {
      refuseSignedOut(ctx);
      return;
    }
    if (ctx.method().name().equals("POST")) {
      String given = ctx.header(CSRF_HEADER);
      if (given == null) {
        given = ctx.formParam(CSRF_FIELD);
      }
      if (!Sessions.sameToken(session.get().csrfToken(), given)) {
        throw new MissingCsrfTokenException();
      }
    }
  }

  /** Sends a person who is not signed in to the sign-in page, back here afterwards. */
  private static void refuseSignedOut(Context ctx) {
    if (ctx.method().name().equals("GET") && !PagePaths.fromScript(ctx)) {
      String back = ctx.fullUrl().substring(ctx.fullUrl().indexOf(ctx.path()));
      ctx.redirect(
          "/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
      ctx.skipRemainingHandlers();
      return;
    }
    throw new WebException(
        401, "Signed out", "you are not signed in (or your session ended); sign in again");
  }

  /** The session cookie: never readable by scripts, never sent by other sites' requests. */
  static String sessionCookie(String value, boolean expire) {
    return COOKIE
        + "="
        + value
        + "; Path=/; HttpOnly; SameSite=Strict"
        + (expire ? "; Max-Age=0" : "");
  }
}
