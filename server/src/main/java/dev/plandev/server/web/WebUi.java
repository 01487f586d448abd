package dev.plandev.server.web;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.security.ApiKey;
import dev.plandev.defaults.store.ApiKeys;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The web UI of {@code plandev serve}: server-rendered pages for people, beside the JSON API on the
 * same port. People sign in with an API key (or the one-time link printed at first start) and get a
 * session cookie; their key's role applies as in the API. The pages: sign-in, the plans under
 * {@code server.planRoots} (portfolio, plan, board, history), the defaults (list, entry, forms,
 * import, export, audit trail), the resolve explorer, learning and operations (with API keys and
 * backups).
 *
 * <p>Pages are added by registering their routes in {@link #install} and a link in the navigation
 * of {@code layout.peb}; every path the UI answers is listed in {@link PagePaths}.
 */
public final class WebUi implements AutoCloseable {
  private final SmartDefaults defaults;
  private final ServiceStatus status;
  private final Clock clock;
  private final Sessions sessions;
  private final SignInLinks links;
  private final Pages pages = new Pages();
  private final ErrorPages errors = new ErrorPages(pages);
  private final PlanCatalog catalog;
  private final PlanEvents events;
  private final AccessPages access;

  private WebUi(
      SmartDefaults defaults,
      List<Path> planRoots,
      Clock clock,
      Consumer<Context> failedSignIn,
      ServiceStatus status) {
    ApiKeys keys = defaults.apiKeys();
    this.defaults = defaults;
    this.status = status;
    this.clock = clock;
    this.sessions = new Sessions(keys, defaults.config().server().sessionTimeout(), clock);
    this.links = new SignInLinks(clock);
    this.catalog = new PlanCatalog(planRoots);
    this.events = new PlanEvents(catalog, clock);
    this.access = new AccessPages(keys, sessions, links, pages, failedSignIn);
  }

  /**
   * The UI over the engine {@code defaults} and the plans under {@code planRoots} (folders; missing
   * ones show no plans); sessions last {@code server.sessionTimeout} of its configuration.
   *
   * @param failedSignIn called on each refused key or sign-in link, to rate-limit guessing; it may
   *     throw to refuse the request
   * @param status what the Operations page shows of the running service
   */
  public static WebUi create(
      SmartDefaults defaults,
      List<Path> planRoots,
      Clock clock,
      Consumer<Context> failedSignIn,
      ServiceStatus status) {
    List<Path> real = new ArrayList<>();
    for (Path root : planRoots) {
      real.add(realFolder(root));
    }
    return new WebUi(defaults, real, clock, failedSignIn, status);
  }

  private static Path realFolder(Path root) {
    Path absolute = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(absolute)) {
      return absolute;
    }
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the plan root " + root, e);
    }
  }

  /** Serves the UI's scripts and styles at {@code /ui/assets}. */
  public static void staticFiles(JavalinConfig c) {
    c.staticFiles.add(
        sf -> {
          sf.hostedPath = "/ui/assets";
          sf.directory = "/dev/plandev/server/web/assets";
          sf.location = Location.CLASSPATH;
        });
  }

  /** Registers the UI's guard, pages and error answers; after the service's own guard. */
  public void install(Javalin app) {
    PageGuard guard = new PageGuard(sessions);
    app.before(guard::check);
    errors.install(app);
    access.register(app);
    PlansPages plans = new PlansPages(catalog, pages);
    plans.register(app);
    new PlanChanges(catalog, plans).register(app);
    events.register(app);
    DefaultsPages entries = new DefaultsPages(defaults.store(), pages, clock);
    entries.register(app);
    new EntryForms(defaults.store(), pages, entries).register(app);
    new ExchangePages(defaults.exchange(), pages).register(app);
    new ResolvePage(defaults, pages, clock).register(app);
    new OperationsPage(defaults, status, pages, clock).register(app);
    new KeysPage(defaults.apiKeys(), pages).register(app);
    new LearningPage(defaults, pages, clock).register(app);
  }

  /**
   * Whether a failure on this request is answered with an HTML page: the UI's paths, and unknown
   * paths a browser asked for. The API's paths keep problem+json.
   */
  public boolean answersWithPage(Context ctx) {
    return PagePaths.wantsPage(ctx);
  }

  /** Answers the request with the UI's error page. */
  public void errorPage(Context ctx, int status, String title, String message) {
    ctx.header("Content-Security-Policy", PageGuard.CSP);
    if (status == 404) {
      errors.show(
          ctx,
          404,
          "Page not found",
          "there is no page at " + ctx.path() + "; the Plans page lists every plan");
    } else {
      errors.show(ctx, status, title, message);
    }
  }

  /**
   * A one-time sign-in link for {@code key} under {@code base}: its first visitor is signed in as
   * that key, and the link is then spent (it also expires after an hour unused).
   */
  public URI signInLink(URI base, ApiKey key) {
    return URI.create(base + "/signin?token=" + links.issue(key));
  }

  @Override
  public void close() {
    events.close();
  }
}
