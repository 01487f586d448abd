package dev.plandev.server.web;

import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.security.Role;
import dev.plandev.defaults.store.ApiKeys;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API keys, for admins as in the API: the list with each key's role and last use, creating a key
 * with a role (its secret shown once, on the page that answers the form, and nowhere else), and
 * revoking one. Each change is audited with the signed-in key's name.
 */
final class KeysPage {
  private static final Logger LOG = LoggerFactory.getLogger(KeysPage.class);
  private static final List<String> ROLES =
      List.of(Role.READER.wireName(), Role.EDITOR.wireName(), Role.ADMIN.wireName());

  private final ApiKeys keys;
  private final Pages pages;

  KeysPage(ApiKeys keys, Pages pages) {
    this.keys = keys;
    this.pages = pages;
  }

  void register(Javalin app) {
    app.get("/operations/keys", this::list);
    app.post("/operations/keys", this::create);
    app.post("/operations/keys/revoke", this::revoke);
  }

  /** One key as listed. */
  record KeyRow(
      long id,
      String name,
      String role,
      String prefix,
      String created,
      String lastUsed,
      String revoked,
      boolean yours) {}

  private void list(Context ctx) {
    Pages.session(ctx).requireAdmin("manage API keys");
    Map<String, Object> model = new HashMap<>();
    model.put("notice", ctx.queryParam("notice"));
    show(ctx, 200, model);
  }

  private void show(Context ctx, int status, Map<String, Object> model) {
    Session session = Pages.session(ctx);
    model.put(
        "keys",
        keys.list().stream()
            .map(
                k ->
                    new KeyRow(
                        k.id(),
                        k.name(),
                        k.role().wireName(),
                        k.prefix(),
                        EntryView.when(k.createdAt()),
                        k.lastUsed() == null ? "never" : EntryView.when(k.lastUsed()),
                        EntryView.when(k.revokedAt()),
                        k.id() == session.keyId()))
            .toList());
    model.put("roles", ROLES);
    model.putIfAbsent("name", "");
    model.putIfAbsent("role", Role.READER.wireName());
    pages.send(ctx, status, "keys", model);
  }

  private void create(Context ctx) {
    Session session = Pages.session(ctx).requireAdmin("manage API keys");
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    String role = ctx.formParam("role") == null ? "" : ctx.formParam("role");
    Map<String, Object> model = new HashMap<>();
    model.put("name", name);
    model.put("role", role);
    ApiKeys.Created created;
    try {
      created = keys.create(name, Role.parse(role), Pages.actor(ctx));
    } catch (InvalidInputException e) {
      Map<String, String> errors = new HashMap<>();
      e.errors().forEach(f -> errors.put(f.field().equals("role") ? "role" : "name", f.message()));
      model.put("errors", errors);
      show(ctx, 422, model);
      return;
    }
    LOG.info(
        "web UI: key '{}' created key '{}' (role {})",
        session.keyName(),
        created.key().name(),
        created.key().role().wireName());
    model.put("created", created.key());
    model.put("secret", created.secret());
    model.put("name", "");
    model.put("role", Role.READER.wireName());
    // The secret is in this page only: the browser must not keep it.
    ctx.header("Cache-Control", "no-store");
    show(ctx, 201, model);
  }

  private void revoke(Context ctx) {
    Session session = Pages.session(ctx).requireAdmin("manage API keys");
    String id = ctx.formParam("id") == null ? "" : ctx.formParam("id").strip();
    if (!id.matches("[0-9]{1,18}")) {
      throw WebException.badRequest("the form lacks the key's id; reload the keys page");
    }
    ApiKey revoked;
    try {
      revoked = keys.revoke("id:" + id, Pages.actor(ctx));
    } catch (EntryNotFoundException e) {
      throw WebException.notFound("there is no API key with id " + id + "; reload the keys page");
    }
    LOG.info("web UI: key '{}' revoked key '{}'", session.keyName(), revoked.name());
    String notice =
        "Revoked the key "
            + revoked.name()
            + (revoked.id() == session.keyId()
                ? ". It is the key you signed in with: your session ends within a minute."
                : ".");
    ctx.redirect(
        "/operations/keys?notice=" + URLEncoder.encode(notice, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }
}
