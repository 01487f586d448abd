package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;

/** {@link ApiKeysContract} on a fresh schema of the machine's PostgreSQL. */
class PostgresApiKeysTest extends ApiKeysContract {
  private String schema;

  @Override
  PlandevConfig config(Path dataDir) {
    if (schema == null) {
      schema = Services.freshPostgresSchema();
    }
    return Services.postgresConfig(dataDir, schema);
  }

  @AfterEach
  void dropSchema() {
    close(); // before the schema goes: closing writes the last uses
    Services.dropPostgresSchema(schema);
  }
}
