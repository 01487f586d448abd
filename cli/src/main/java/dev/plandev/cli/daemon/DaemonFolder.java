package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.Environment;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * The per-user folder of the daemon: its socket, its info file and its log. It is {@code
 * $PLANDEV_DAEMON_DIR} when set, else {@code $XDG_RUNTIME_DIR/plandev}, else {@code daemon/} in the
 * per-user data directory; the {@code ./plandev} launcher looks in the same places.
 *
 * <p>Whoever can connect to the socket runs commands as the user, so the folder is created {@code
 * rwx------} and refused when another user owns it or when its group or others may use it.
 */
record DaemonFolder(Path path) {
  static final String VARIABLE = "PLANDEV_DAEMON_DIR";

  static DaemonFolder of(Environment env) {
    String given = env.variables().get(VARIABLE);
    if (given != null && !given.isBlank()) {
      return new DaemonFolder(env.resolve(Path.of(given)));
    }
    String runtime = env.variables().get("XDG_RUNTIME_DIR");
    if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute()) {
      return new DaemonFolder(Path.of(runtime, "plandev"));
    }
    return new DaemonFolder(env.perUserDataDirectory().resolve("daemon"));
  }

  Path socket() {
    return path.resolve("plandev.sock");
  }

  Path info() {
    return path.resolve("daemon.info");
  }

  Path log() {
    return path.resolve("daemon.log");
  }

  /**
   * Creates the folder {@code rwx------} when it is missing, and checks that it is the user's own.
   *
   * @throws DaemonException when it cannot be created, or another user owns it, or others may use
   *     it
   */
  DaemonFolder secured() {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.isDirectory(path)) {
        if (path.getParent() != null) {
          Files.createDirectories(path.getParent());
        }
        if (posix) {
          Files.createDirectory(
              path,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
          Files.createDirectory(path);
        }
      }
      if (!posix) {
        return this;
      }
      UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
      UserPrincipal me =
          path.getFileSystem()
              .getUserPrincipalLookupService()
              .lookupPrincipalByName(System.getProperty("user.name"));
      if (!owner.equals(me)) {
        throw new DaemonException(
            "the daemon folder "
                + path
                + " belongs to "
                + owner.getName()
                + ", not to "
                + me.getName()
                + "; point "
                + VARIABLE
                + " at a folder of your own");
      }
      Set<PosixFilePermission> modes =
          Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
      if (modes.stream()
          .anyMatch(m -> m.name().startsWith("GROUP") || m.name().startsWith("OTHERS"))) {
        throw new DaemonException(
            "the daemon folder "
                + path
                + " is open to other users ("
                + PosixFilePermissions.toString(modes)
                + "); make it private with: chmod 700 "
                + path);
      }
      return this;
    } catch (IOException e) {
      throw new DaemonException(
          "cannot create the daemon folder " + path + " (" + e.getMessage() + ")", e);
    }
  }
}
