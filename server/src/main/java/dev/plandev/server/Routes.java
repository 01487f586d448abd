package dev.plandev.server;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers routes and remembers them, so a test can check that every served route is documented in
 * {@code openapi.json} and every documented route is served.
 */
final class Routes {
  /** One served route. */
  record Route(String method, String path, Access access) {}

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();

  Routes(Javalin app) {
    this.app = app;
  }

  /** A read, answered for HEAD too (same status and headers, no body). */
  void get(String path, Access access, Handler h) {
    app.get(path, h, access);
    // Without its own HEAD route Javalin answers HEAD with an empty 200 and never runs the
    // handler: no key check, no ETag, and 200 for what GET would call missing.
    app.head(path, h, access);
    routes.add(new Route("get", path, access));
  }

  void post(String path, Access access, Handler h) {
    app.post(path, h, access);
    routes.add(new Route("post", path, access));
  }

  void put(String path, Access access, Handler h) {
    app.put(path, h, access);
    routes.add(new Route("put", path, access));
  }

  void patch(String path, Access access, Handler h) {
    app.patch(path, h, access);
    routes.add(new Route("patch", path, access));
  }

  void delete(String path, Access access, Handler h) {
    app.delete(path, h, access);
    routes.add(new Route("delete", path, access));
  }

  List<Route> all() {
    return List.copyOf(routes);
  }
}
