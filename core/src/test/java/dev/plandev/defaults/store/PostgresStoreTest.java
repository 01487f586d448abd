package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The same contract on the machine's PostgreSQL, each test in a schema of its own. */
class PostgresStoreTest extends StoreContract {
  private final List<String> schemas = new ArrayList<>();

  @Override
  PlandevConfig config(Path dataDir) {
    String schema = Services.freshPostgresSchema();
    schemas.add(schema);
    return Services.postgresConfig(dataDir, schema);
  }

  @AfterEach
  void dropSchemas() {
    schemas.forEach(Services::dropPostgresSchema);
  }
}
