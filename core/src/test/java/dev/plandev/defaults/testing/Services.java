package dev.plandev.defaults.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real collaborators tests need: the machine's PostgreSQL and Redis, and the shared data beside
 * the checkout. When one is missing a test is skipped with a message on a laptop, and fails when
 * the {@code CI} environment variable is set, so CI can never go green by skipping.
 */
public final class Services {
  public static final String PG_URL =
      System.getenv().getOrDefault("PLANDEV_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
  public static final String PG_USER =
      System.getenv().getOrDefault("PLANDEV_TEST_PG_USER", "postgres");

  private Services() {}

  /** True when running in CI, where every prerequisite must be present. */
  public static boolean inCi() {
    String ci = System.getenv("CI");
    return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
  }

  /** Skips (or in CI fails) the calling test with {@code message} unless {@code present}. */
  public static void require(boolean present, String message) {
    if (present) {
      return;
    }
    if (inCi()) {
      Assertions.fail(message + " (CI is set, so this is a failure, not a skip)");
    }
    Assumptions.abort(message);
  }

  /** Creates an empty PostgreSQL schema for one test class and returns its name. */
  public static String freshPostgresSchema() {
    require(
        reachable("127.0.0.1", 5432),
        "PostgreSQL is not answering on 127.0.0.1:5432; start it with"
            + " pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start");
    String schema = "t_" + Long.toHexString(System.nanoTime());
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      require(
          false, "cannot create a schema in " + PG_URL + " as " + PG_USER + ": " + e.getMessage());
    }
    return schema;
  }

  /** The default settings with the store in {@code schema} of the machine's PostgreSQL. */
  public static dev.plandev.defaults.config.PlandevConfig postgresConfig(
      Path dataDir, String schema) {
    return dev.plandev.defaults.config.PlandevConfig.defaults()
        .withDataDir(dataDir.toString())
        .withPostgres(
            new dev.plandev.defaults.config.PlandevConfig.Postgres(
                true, PG_URL, PG_USER, "", schema, 4));
  }

  /** Drops a schema made by {@link #freshPostgresSchema()}. */
  public static void dropPostgresSchema(String schema) {
    if (schema == null) {
      return;
    }
    try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test schema " + schema, e);
    }
  }

  /** Requires the machine's Redis on 127.0.0.1:6379. */
  public static void requireRedis() {
    require(
        reachable("127.0.0.1", 6379),
        "Redis is not answering on 127.0.0.1:6379; start it with redis-server --daemonize yes"
            + " --bind 127.0.0.1 --port 6379 --save '' --appendonly no");
  }

  /** The repository root, as surefire passes it. */
  public static Path repo() {
    String p = System.getProperty("plandev.repo");
    return p == null ? Path.of("").toAbsolutePath() : Path.of(p);
  }

  /** The shared data folder beside the checkout ({@code ../shared}), or a skip/failure. */
  public static Path shared() {
    Path shared = repo().resolve("../shared").normalize();
    require(
        Files.isDirectory(shared),
        "the shared data folder " + shared + " is absent; put it beside the checkout");
    return shared;
  }

  public static boolean reachable(String host, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
