package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;

class PostgresSecretOverwriteTest extends SecretOverwriteContract {
  private String schema;

  @Override
  PlandevConfig config(Path dataDir) {
    schema = Services.freshPostgresSchema();
    return Services.postgresConfig(dataDir, schema);
  }

  @Override
  Connection rawConnection() throws SQLException {
    return DriverManager.getConnection(
        Services.PG_URL + "?currentSchema=" + schema, Services.PG_USER, "");
  }

  @AfterEach
  void dropSchema() {
    Services.dropPostgresSchema(schema);
  }
}
