package dev.plandev.defaults.testing;

import dev.plandev.testing.LocalServices;
import dev.plandev.testing.Prerequisites;
import dev.plandev.testing.SharedData;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The machine's PostgreSQL and Redis as the core's tests use them (schemas of their own, settings
 * that point at them) and the shared data beside the checkout. What is missing is skipped on a
 * laptop and fails in CI, by the one rule of {@link Prerequisites}; this class only delegates to
 * the {@code testing} module for that rule, the reachability checks and the shared folder.
 */
public final class Services {
  public static final String PG_URL = LocalServices.PG_URL;
  public static final String PG_USER = LocalServices.PG_USER;

  private Services() {}

  /** True when running in CI, where every prerequisite must be present. */
  public static boolean inCi() {
    return Prerequisites.inCi();
  }

  /** Skips (or in CI fails) the calling test with {@code message} unless {@code present}. */
  public static void require(boolean present, String message) {
    Prerequisites.require(present, message);
  }

  /** Creates an empty PostgreSQL schema for one test class and returns its name. */
  public static String freshPostgresSchema() {
    LocalServices.requirePostgres();
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
            new dev.plandev.defaults.config.PostgresSettings(true, PG_URL, PG_USER, "", schema, 4));
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
    LocalServices.requireRedis();
  }

  /** The repository root, as surefire passes it. */
  public static Path repo() {
    return SharedData.repo();
  }

  /** The shared data folder beside the checkout ({@code ../shared}), or a skip/failure. */
  public static Path shared() {
    return SharedData.folder();
  }

  public static boolean reachable(String host, int port) {
    return LocalServices.reachable(host, port);
  }
}
