package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.model.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening the store on a fresh, a current and an old database: Flyway migrates the fresh and the
 * old one, and is skipped for the current one. Each dialect runs it on a real database.
 */
abstract class SchemaVersionContract {
  @TempDir Path dir;

  /** The configuration of an empty database in {@code dataDir}. */
  abstract PlandevConfig config(Path dataDir);

  /** The history table's name as SQL, qualified by the schema where the dialect has one. */
  abstract String history(PlandevConfig config);

  @Test
  void fresh_isMigratedToLatest() {
    PlandevConfig config = config(dir);
    try (Database db = Database.open(config)) {
      assertThat(SchemaVersion.isCurrent(db.dataSource(), schema(config))).isTrue();
      assertThat(tableExists(db, "api_keys")).isTrue();
    }
  }

  @Test
  void current_skipsFlyway() throws SQLException {
    PlandevConfig config = config(dir);
    try (Database db = Database.open(config)) {
      // Flyway's validation refuses a changed checksum; only a skipped Flyway lets this open.
      execute(db, "UPDATE " + history(config) + " SET checksum = 12345 WHERE version = '1'");
    }
    try (Database db = Database.open(config)) {
      assertThat(SchemaVersion.isCurrent(db.dataSource(), schema(config))).isTrue();
    }
  }

  @Test
  void old_isMigrated() {
    PlandevConfig config = config(dir);
    flyway(config).target("1").load().migrate();
    try (Database db = Database.open(config)) {
      assertThat(tableExists(db, "api_keys")).isTrue();
      assertThat(SchemaVersion.isCurrent(db.dataSource(), schema(config))).isTrue();
    }
  }

  @Test
  void old_isLeftToFlyway_whichStillValidates() throws SQLException {
    PlandevConfig config = config(dir);
    flyway(config).target("1").load().migrate();
    try (Database db = Database.open(config)) {
      execute(db, "UPDATE " + history(config) + " SET checksum = 12345 WHERE version = '1'");
      execute(db, "DELETE FROM " + history(config) + " WHERE version = '2'");
    }
    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("cannot migrate");
  }

  @Test
  void failedMigration_isNotCurrent() throws SQLException {
    PlandevConfig config = config(dir);
    try (Database db = Database.open(config)) {
      execute(db, "UPDATE " + history(config) + " SET success = false WHERE version = '2'");
      assertThat(SchemaVersion.isCurrent(db.dataSource(), schema(config))).isFalse();
    }
  }

  @Test
  void newerThanThisBuild_isNotCurrent() throws SQLException {
    PlandevConfig config = config(dir);
    try (Database db = Database.open(config)) {
      execute(
          db,
          "INSERT INTO "
              + history(config)
              + " (installed_rank, version, description, type, script, installed_by,"
              + " execution_time, success) VALUES (99, '"
              + (SchemaVersion.LATEST + 1)
              + "', 'future', 'SQL', 'V9__future.sql', 'test', 0, true)");
      assertThat(SchemaVersion.isCurrent(db.dataSource(), schema(config))).isFalse();
    }
  }

  private static String schema(PlandevConfig config) {
    return config.postgres().enabled() ? config.postgres().schema() : null;
  }

  /** Flyway as {@link Database} configures it, on its own connections. */
  private static FluentConfiguration flyway(PlandevConfig config) {
    if (config.postgres().enabled()) {
      PostgresSettings pg = config.postgres();
      return Flyway.configure()
          .dataSource(pg.url(), pg.user(), pg.password())
          .schemas(pg.schema())
          .locations("classpath:db/migration/postgresql");
    }
    String url = "jdbc:sqlite:" + config.resolve(config.sqlite().path()).toAbsolutePath();
    return Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration/sqlite");
  }

  private static void execute(Database db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static boolean tableExists(Database db, String table) {
    try (Connection c = db.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.executeQuery("SELECT COUNT(*) FROM " + table).close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }
}
