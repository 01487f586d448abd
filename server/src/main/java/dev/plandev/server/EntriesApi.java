package dev.plandev.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.StaleVersionException;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * The entries themselves: list and create on {@code /api/v1/defaults}, read, replace, patch and
 * delete on {@code /api/v1/defaults/{id}}. A write must name the version it changes ({@code
 * If-Match} with the entry's ETag), so a concurrent change is never silently overwritten.
 */
final class EntriesApi {
  /** Making a secret plain shows its value to every reader, so it takes an admin key. */
  static final String MAKE_PLAIN = "make a secret entry plain (\"secret\": false)";

  private final DefaultsStore store;
  private final ObjectMapper mapper;
  private final Bodies bodies;

  EntriesApi(DefaultsStore store, ObjectMapper mapper, Bodies bodies) {
    this.store = store;
    this.mapper = mapper;
    this.bodies = bodies;
  }

  /**
   * Registers the routes; {@code /{id}} matches any segment, so these go after the fixed paths
   * beside them ({@code /resolve}, {@code /batch}, …).
   */
  void register(Routes r) {
    r.get(DefaultsApi.BASE, Access.READER, this::list);
    r.post(DefaultsApi.BASE, Access.EDITOR, this::create);
    r.get(DefaultsApi.BASE + "/{id}", Access.READER, this::read);
    r.put(DefaultsApi.BASE + "/{id}", Access.EDITOR, this::replace);
    r.patch(DefaultsApi.BASE + "/{id}", Access.EDITOR, this::patch);
    r.delete(DefaultsApi.BASE + "/{id}", Access.EDITOR, this::delete);
  }

  // ---- collection ------------------------------------------------------------------------------

  private void list(Context ctx) {
    Paging paging = Paging.of(ctx);
    Page<DefaultEntry> p = store.list(EntryListQuery.parse(ctx, paging));
    Map<String, Object> body =
        Paging.body(p, p.items().stream().map(e -> bodies.entry(e, false)).toList());
    body.put("links", EntryListQuery.links(ctx, paging.page(), p.hasNext()));
    Etags.sendJson(ctx, mapper, body);
  }

  private void create(Context ctx) {
    DefaultSpec spec = bodies.spec(bodies.object(ctx.body()), null, Set.of());
    DefaultEntry e = store.create(spec, Guard.actor(ctx));
    ctx.status(201);
    ctx.header("Location", DefaultsApi.BASE + "/" + e.id());
    ctx.header("ETag", Etags.of(e.version()));
    ctx.json(bodies.entry(e, false));
  }

  // ---- one entry -------------------------------------------------------------------------------

  private void read(Context ctx) {
    DefaultEntry e = entry(ctx);
    String etag = Etags.of(e.version());
    ctx.header("ETag", etag);
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    ctx.json(bodies.entry(e, false));
  }

  private void replace(Context ctx) {
    long version = requiredVersion(ctx);
    DefaultEntry current = entry(ctx);
    DefaultSpec spec = bodies.spec(bodies.object(ctx.body()), null, Set.of());
    update(ctx, current, version, spec);
  }

  private void patch(Context ctx) {
    long version = requiredVersion(ctx);
    DefaultEntry current = entry(ctx);
    DefaultSpec spec = bodies.spec(bodies.object(ctx.body()), DefaultSpec.from(current), Set.of());
    update(ctx, current, version, spec);
  }

  /**
   * Writes the spec over the entry at {@code version}. The secrecy check is made on {@code
   * current}, so the write must replace that very version: an older one is refused here as the
   * store would.
   */
  private void update(Context ctx, DefaultEntry current, long version, DefaultSpec spec) {
    if (current.version() != version) {
      throw new StaleVersionException(current.id(), version, current.version());
    }
    if (madePlain(current, spec)) {
      Guard.requireAdmin(ctx, MAKE_PLAIN);
    }
    written(ctx, store.update(current.id(), version, spec, Guard.actor(ctx)));
  }

  /** Whether the spec turns a secret entry into a plain one (only said explicitly). */
  static boolean madePlain(DefaultEntry current, DefaultSpec spec) {
    return current.secret() && Boolean.FALSE.equals(spec.secret());
  }

  private void delete(Context ctx) {
    String ifMatch = ctx.header("If-Match");
    Long version = Etags.version(ifMatch);
    if (ifMatch != null && version == null) {
      throw HttpProblem.badRequest("If-Match must be the ETag of the entry, e.g. \"3\"");
    }
    store.delete(id(ctx), version, Guard.actor(ctx));
    ctx.status(204);
  }

  private void written(Context ctx, DefaultEntry e) {
    ctx.header("ETag", Etags.of(e.version()));
    ctx.json(bodies.entry(e, false));
  }

  private DefaultEntry entry(Context ctx) {
    long id = id(ctx);
    return store.find(id).orElseThrow(() -> new EntryNotFoundException("no default with id " + id));
  }

  private static long id(Context ctx) {
    String raw = ctx.pathParam("id");
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new HttpProblem(404, "Not found", "'" + raw + "' is not an entry id; ids are numbers");
    }
  }

  private static long requiredVersion(Context ctx) {
    String ifMatch = ctx.header("If-Match");
    if (ifMatch == null) {
      throw new HttpProblem(
          428,
          "Precondition required",
          "send If-Match with the entry's ETag (its version, e.g. \"3\") so a concurrent change is not overwritten");
    }
    Long v = Etags.version(ifMatch);
    if (v == null) {
      throw HttpProblem.badRequest(
          "If-Match must be the ETag of the entry, e.g. \"3\"; got " + ifMatch);
    }
    return v;
  }
}
