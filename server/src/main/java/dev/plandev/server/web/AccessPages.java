package dev.plandev.server.web;

import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.store.ApiKeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signing in and out: the sign-in form (an API key, exchanged for a session cookie so the key never
 * sits in a page or a URL afterwards), the one-time sign-in link printed at first start, and
 * sign-out.
 */
final class AccessPages {
  private static final Logger LOG = LoggerFactory.getLogger(AccessPages.class);
  static final String LOGIN_COOKIE = "plandev_signin";

  private final ApiKeys keys;
  private final Sessions sessions;
  private final SignInLinks links;
  private final Pages pages;
  private final Consumer<Context> failedSignIn;

  /**
   * @param failedSignIn called on each refused key or link, to rate-limit guessing (it throws when
   *     the client is over its limit)
   */
  AccessPages(
      ApiKeys keys,
      Sessions sessions,
      SignInLinks links,
      Pages pages,
      Consumer<Context> failedSignIn) {
    this.keys = keys;
    this.sessions = sessions;
    this.links = links;
    this.pages = pages;
    this.failedSignIn = failedSignIn;
  }

  void register(Javalin app) {
    app.get("/login", this::form);
    app.post("/login", this::signIn);
    app.get("/signin", this::link);
    app.post("/logout", this::signOut);
  }

  private void form(Context ctx) {
    if (ctx.attribute(Pages.SESSION_ATTRIBUTE) != null) {
      ctx.redirect(next(ctx.queryParam("next")), HttpStatus.SEE_OTHER);
      return;
    }
    Map<String, Object> model = new HashMap<>();
    if (ctx.queryParam("signedOut") != null) {
      model.put("notice", "You are signed out.");
    }
    showForm(ctx, 200, model);
  }

  private void showForm(Context ctx, int status, Map<String, Object> model) {
    String token = Sessions.randomToken();
    ctx.res()
        .addHeader(
            "Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict");
    model.put("loginToken", token);
    model.put("next", next(ctx.queryParam("next")));
    pages.send(ctx, status, "login", model);
  }

  private void signIn(Context ctx) {
    if (!Sessions.sameToken(ctx.cookie(LOGIN_COOKIE), ctx.formParam(PageGuard.CSRF_FIELD))) {
      throw new MissingCsrfTokenException();
    }
    String secret = Optional.ofNullable(ctx.formParam("key")).orElse("").strip();
    Map<String, Object> model = new HashMap<>();
    if (secret.isEmpty()) {
      model.put("keyError", "Enter an API key (it starts with pdk_).");
      showForm(ctx, 422, model);
      return;
    }
    Optional<ApiKey> key = keys.authenticate(secret);
    if (key.isEmpty()) {
      failedSignIn.accept(ctx);
      model.put("keyError", "This key is unknown or revoked. Check it with: plandev keys list");
      showForm(ctx, 401, model);
      return;
    }
    start(ctx, key.get(), "API key");
    ctx.redirect(next(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  private void link(Context ctx) {
    Optional<ApiKey> key = links.redeem(ctx.queryParam("token"));
    if (key.isEmpty()) {
      failedSignIn.accept(ctx);
      Map<String, Object> model = new HashMap<>();
      model.put(
          "notice",
          "This sign-in link was already used or has expired. Sign in with an API key instead.");
      showForm(ctx, 401, model);
      return;
    }
    start(ctx, key.get(), "one-time link");
    // The token leaves the address bar here: the page the person lands on has a plain URL.
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  private void start(Context ctx, ApiKey key, String how) {
    Session previous = ctx.attribute(Pages.SESSION_ATTRIBUTE);
    if (previous != null) {
      sessions.end(previous.id());
    }
    Session session = sessions.open(key);
    ctx.res().addHeader("Set-Cookie", PageGuard.sessionCookie(session.id(), false));
    ctx.res()
        .addHeader(
            "Set-Cookie", LOGIN_COOKIE + "=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0");
    LOG.info(
        "web UI: key '{}' (role {}) signed in with a {}", key.name(), key.role().wireName(), how);
  }

  private void signOut(Context ctx) {
    Session session = ctx.attribute(Pages.SESSION_ATTRIBUTE);
    sessions.end(session.id());
    ctx.res().addHeader("Set-Cookie", PageGuard.sessionCookie("", true));
    LOG.info("web UI: key '{}' signed out", session.keyName());
    ctx.redirect("/login?signedOut", HttpStatus.SEE_OTHER);
  }

  /** Where to go after signing in: a path of this site only, never another site. */
  static String next(String given) {
    if (given == null
        || !given.startsWith("/")
        || given.startsWith("//")
        || given.contains("\\")
        || given.startsWith("/login")) {
      return "/";
    }
    return given;
  }
}
