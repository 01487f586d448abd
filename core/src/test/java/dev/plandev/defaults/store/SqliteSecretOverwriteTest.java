package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

class SqliteSecretOverwriteTest extends SecretOverwriteContract {
  @Override
  PlandevConfig config(Path dataDir) {
    return PlandevConfig.defaults().withDataDir(dataDir.toString());
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:sqlite:" + dir.resolve("defaults.db").toAbsolutePath());
  }
}
