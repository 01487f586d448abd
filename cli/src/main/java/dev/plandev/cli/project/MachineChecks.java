package dev.plandev.cli.project;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.config.RedisSettings;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.store.StoreHealth;
import dev.plandev.plans.PlanException;
import dev.plandev.plans.generate.TemplateCatalog;
import dev.plandev.plans.generate.TemplateSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The checks of {@code plandev doctor}, one method each: what can go wrong on a machine before
 * plandev is of any use. Each returns its result instead of throwing, so one broken thing never
 * hides the others.
 */
final class MachineChecks {
  static final int MIN_JAVA = 17;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private MachineChecks() {}

  /** The Java that runs plandev is 17 or newer. */
  static CheckResult java(Runtime.Version version) {
    if (version.feature() >= MIN_JAVA) {
      return CheckResult.ok("java", version + " (plandev needs " + MIN_JAVA + " or newer)");
    }
    return CheckResult.failed(
        "java",
        version + " is older than " + MIN_JAVA,
        "install Java " + MIN_JAVA + " or newer and put it first on PATH (or set JAVA_HOME)");
  }

  /** A file can be made in the data directory (or in its nearest existing parent). */
  static CheckResult dataDirectory(Path dir, String why) {
    Path existing = dir;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    String choose = "or choose another with --data DIR or PLANDEV_DATA_DIR";
    if (existing == null || !Files.isDirectory(existing)) {
      return CheckResult.failed(
          "data",
          existing + " is not a folder (data directory " + why + ")",
          "move it away, " + choose);
    }
    try {
      Files.delete(Files.createTempFile(existing, ".plandev-doctor", ".tmp"));
    } catch (IOException e) {
      return CheckResult.failed(
          "data",
          "cannot write in " + existing + " (data directory " + why + ")",
          "make it writable (chmod u+w " + existing + "; chattr -i if it is immutable), " + choose);
    }
    return CheckResult.ok(
        "data",
        existing.equals(dir)
            ? dir + " is writable (" + why + ")"
            : dir + " will be made on first use (" + why + ")");
  }

  /**
   * SQLite's {@code quick_check} of the store, which opening it runs, when a store exists; a store
   * that cannot open (damaged, lost writes) fails with the store's own words.
   */
  static CheckResult database(PlandevConfig config, Supplier<SmartDefaults> open) {
    if (config.postgres().enabled()) {
      return CheckResult.notApplicable(
          "database", "PostgreSQL checks its own pages (see the postgres check)");
    }
    Path file = config.resolve(config.sqlite().path());
    if (!Files.exists(file)) {
      return CheckResult.ok("database", "no store at " + file + " yet; made on first use");
    }
    try {
      StoreHealth.Check integrity = open.get().storeHealth().integrity();
      if (integrity.status() == StoreHealth.Status.DOWN) {
        return CheckResult.failed(
            "database",
            integrity.detail(),
            "restore it from a backup, or move it away to start anew");
      }
      return CheckResult.ok("database", "quick_check found no damage in " + file);
    } catch (PlandevException e) {
      return CheckResult.failed(
          "database", e.getMessage(), "restore it from a backup, or move it away to start anew");
    }
  }

  /**
   * The key file of secret values, when there is one, is readable and writable by its owner only.
   */
  static CheckResult keyFile(PlandevConfig config, boolean keyFromEnvironment) {
    Path file = config.resolve(config.security().keyFile());
    if (!Files.exists(file)) {
      return CheckResult.ok(
          "key file",
          keyFromEnvironment
              ? "the key comes from PLANDEV_SECURITY_ENCRYPTION_KEY"
              : "no " + file + " yet; made with mode 600 on the first secret");
    }
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return CheckResult.notApplicable("key file", file + ": no POSIX permissions to check here");
    }
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(mode)) {
        return CheckResult.failed(
            "key file",
            file + " is open to others (" + PosixFilePermissions.toString(mode) + ")",
            "chmod 600 " + file);
      }
      return CheckResult.ok("key file", file + " is readable by its owner only");
    } catch (IOException e) {
      return CheckResult.failed("key file", "cannot read the mode of " + file, "check its folder");
    }
  }

  /** Redis answers PING when the cache uses it. */
  static CheckResult redis(RedisSettings redis) {
    if (!redis.enabled()) {
      return CheckResult.notApplicable("redis", "not enabled (redis.enabled: false)");
    }
    String where = redis.host() + ":" + redis.port();
    int timeout = (int) Math.max(1, redis.timeout().toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(redis.host(), redis.port()), timeout);
      socket.setSoTimeout(timeout);
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      if (!redis.password().isEmpty()) {
        out.write(command("AUTH", redis.password()));
        String auth = in.readLine();
        if (auth == null || !auth.startsWith("+OK")) {
          return CheckResult.failed(
              "redis", "Redis at " + where + " refused the password", "check redis.password");
        }
      }
      out.write(command("PING"));
      out.flush();
      String answer = in.readLine();
      if (answer != null && answer.startsWith("+PONG")) {
        return CheckResult.ok("redis", "Redis at " + where + " answers");
      }
      return CheckResult.failed(
          "redis",
          "Redis at " + where + " answered PING with " + answer,
          "check redis.password, or that " + where + " is Redis");
    } catch (IOException e) {
      return CheckResult.failed(
          "redis",
          "cannot reach Redis at " + where + " (" + e.getMessage() + ")",
          "start Redis there, or set redis.enabled: false");
    }
  }

  private static byte[] command(String... words) {
    StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
    for (String w : words) {
      byte[] bytes = w.getBytes(StandardCharsets.UTF_8);
      resp.append('$').append(bytes.length).append("\r\n").append(w).append("\r\n");
    }
    return resp.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** PostgreSQL accepts a connection when the store uses it. */
  static CheckResult postgres(PostgresSettings pg) {
    if (!pg.enabled()) {
      return CheckResult.notApplicable("postgres", "not enabled (postgres.enabled: false)");
    }
    String url = SecretMask.inText(pg.url());
    DriverManager.setLoginTimeout(5);
    try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
      c.createStatement().execute("SELECT 1");
      return CheckResult.ok("postgres", "PostgreSQL at " + url + " answers");
    } catch (SQLException e) {
      return CheckResult.failed(
          "postgres",
          "cannot reach PostgreSQL at " + url + " (" + firstLine(e.getMessage()) + ")",
          "start PostgreSQL, check postgres.url, user and password, or set postgres.enabled: false");
    }
  }

  /** Every template of the project's folder and the built-ins loads, in every language it has. */
  static CheckResult templates(Path projectTemplates) {
    int count = 0;
    try {
      TemplateCatalog catalog = TemplateCatalog.of(List.of(projectTemplates));
      for (TemplateSummary t : catalog.list()) {
        for (String language : t.languages()) {
          catalog.find(t.name(), language);
          count++;
        }
      }
    } catch (PlanException e) {
      return CheckResult.failed(
          "templates",
          e.getMessage(),
          "fix that file, or move its template out of " + projectTemplates);
    }
    return CheckResult.ok(
        "templates",
        count
            + " templates parse"
            + (Files.isDirectory(projectTemplates)
                ? " (built-in and " + projectTemplates + ")"
                : ""));
  }

  /** A folder of plans exists and holds Markdown files. */
  static CheckResult planRoot(Path root, boolean named) {
    if (!Files.isDirectory(root)) {
      return named
          ? CheckResult.failed(
              "plans",
              root + " is not a folder",
              "create it, or name the folder that holds your plans")
          : CheckResult.notApplicable(
              "plans", "no " + root + " yet; plandev init makes it, plandev new writes there");
    }
    try (Stream<Path> files = Files.walk(root)) {
      long plans = files.filter(p -> p.toString().endsWith(".md")).count();
      return CheckResult.ok("plans", root + " holds " + plans + " Markdown files");
    } catch (IOException | java.io.UncheckedIOException e) {
      return CheckResult.failed(
          "plans", "cannot read " + root + " (" + e.getMessage() + ")", "check its permissions");
    }
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("");
  }
}
