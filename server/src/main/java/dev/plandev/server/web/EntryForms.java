package dev.plandev.server.web;

import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.DuplicateEntryException;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.StaleVersionException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes to defaults from the UI: create, edit and delete, for editors and admins. Each goes
 * through the store with the signed-in key's name as the actor, so the audit trail records who did
 * it. An edit or delete names the version the page showed: when someone changed the entry since, it
 * is refused and the page shows the current entry. A form the store refuses comes back as typed,
 * with each message next to its field.
 */
final class EntryForms {
  private final DefaultsStore store;
  private final Pages pages;
  private final DefaultsPages read;

  EntryForms(DefaultsStore store, Pages pages, DefaultsPages read) {
    this.store = store;
    this.pages = pages;
    this.read = read;
  }

  void register(Javalin app) {
    app.get("/defaults/new", this::blank);
    app.post("/defaults/new", this::create);
    app.post("/defaults/entry", this::edit);
    app.post("/defaults/delete", this::delete);
  }

  private void blank(Context ctx) {
    Pages.session(ctx).requireEditor("create defaults");
    showNew(ctx, 200, EntryForm.blank());
  }

  private void showNew(Context ctx, int status, EntryForm form) {
    Map<String, Object> model = new HashMap<>();
    model.put("form", form);
    model.put("types", EntryForm.TYPES);
    pages.send(ctx, status, "entry-new", model);
  }

  private void create(Context ctx) {
    Pages.session(ctx).requireEditor("create defaults");
    EntryForm form = EntryForm.read(ctx);
    DefaultEntry created;
    try {
      created = store.create(form.spec(null), Pages.actor(ctx));
    } catch (InvalidInputException e) {
      showNew(ctx, 422, form.withErrors(e.errors()));
      return;
    } catch (DuplicateEntryException e) {
      showNew(
          ctx,
          409,
          form.withErrors(
              List.of(
                  new InvalidInputException.FieldError(
                      "context",
                      "this key already has an entry in this context; edit that one, or give"
                          + " another context"))));
      return;
    }
    toEntry(ctx, created, "Created " + created.key() + ".");
  }

  private void edit(Context ctx) {
    Pages.session(ctx).requireEditor("change defaults");
    DefaultEntry current = read.find(ctx.formParam("id"));
    long version = version(ctx);
    EntryForm typed = EntryForm.read(ctx);
    // The key and context name the entry; the form changes everything else.
    EntryForm form =
        new EntryForm(
            current.key(),
            typed.value(),
            typed.type(),
            typed.schema(),
            ContextText.format(current.context()),
            typed.confidence(),
            typed.expires(),
            typed.deprecated(),
            typed.secret(),
            Map.of());
    if (current.version() != version) {
      stale(ctx, current, form);
      return;
    }
    if (current.secret() && !form.secret() && !Pages.session(ctx).isAdmin()) {
      // Making a secret plain shows its value to every reader, as in the API.
      read.showEntry(
          ctx,
          403,
          current,
          form.withErrors(
              List.of(
                  new InvalidInputException.FieldError(
                      "secret",
                      "only an admin can make a secret value plain; keep it secret to save"))),
          false,
          null,
          null);
      return;
    }
    try {
      DefaultSpec spec = form.spec(current.secret() ? current.value() : null);
      DefaultEntry updated = store.update(current.id(), version, spec, Pages.actor(ctx));
      toEntry(ctx, updated, "Saved version " + updated.version() + ".");
    } catch (InvalidInputException e) {
      read.showEntry(ctx, 422, current, form.withErrors(e.errors()), false, null, null);
    } catch (StaleVersionException e) {
      stale(ctx, read.find(Long.toString(current.id())), form);
    }
  }

  /**
   * Refuses an edit made on an older version: the page shows the entry as it is now, with the
   * person's typed values kept in the form (now at the current version) to apply again if they
   * still want them.
   */
  private void stale(Context ctx, DefaultEntry current, EntryForm typed) {
    read.showEntry(
        ctx,
        409,
        current,
        typed,
        false,
        null,
        "Not saved: someone changed this entry since you opened it (it is now at version "
            + current.version()
            + "). The current entry is shown above; your changes are still in the form, save"
            + " again to apply them over it.");
  }

  private void delete(Context ctx) {
    Pages.session(ctx).requireEditor("delete defaults");
    DefaultEntry current = read.find(ctx.formParam("id"));
    long version = version(ctx);
    try {
      store.delete(current.id(), version, Pages.actor(ctx));
    } catch (StaleVersionException e) {
      read.showEntry(
          ctx,
          409,
          read.find(Long.toString(current.id())),
          EntryForm.of(current),
          false,
          null,
          "Not deleted: someone changed this entry since you opened it. Check the current entry"
              + " shown here, then delete again if you still want to.");
      return;
    } catch (EntryNotFoundException e) {
      // Deleted meanwhile by someone else: what was asked for is done.
    }
    ctx.redirect(
        "/defaults?notice="
            + URLEncoder.encode(
                "Deleted " + current.key() + " (" + contextName(current) + ").",
                StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private static String contextName(DefaultEntry e) {
    return e.context().isEmpty() ? "global" : ContextText.format(e.context());
  }

  private static void toEntry(Context ctx, DefaultEntry e, String notice) {
    ctx.redirect(
        "/defaults/entry?id="
            + e.id()
            + "&notice="
            + URLEncoder.encode(notice, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private static long version(Context ctx) {
    try {
      return Long.parseLong(String.valueOf(ctx.formParam("version")));
    } catch (NumberFormatException e) {
      throw WebException.badRequest(
          "the form lacks the entry's version; reload the entry's page and try again");
    }
  }
}
