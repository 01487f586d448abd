package dev.plandev.server;

import dev.plandev.defaults.security.Role;
import io.javalin.security.RouteRole;

/** Who may call a route: anyone, or a key with at least the given role. */
enum Access implements RouteRole {
  OPEN(null),
  READER(Role.READER),
  EDITOR(Role.EDITOR),
  ADMIN(Role.ADMIN);

  final Role role;

  Access(Role role) {
    this.role = role;
  }
}
