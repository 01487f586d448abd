package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.Services;
import org.junit.jupiter.api.AfterEach;

/** {@link WriteGroupsTest} on a fresh schema of the machine's PostgreSQL. */
class PostgresWriteGroupsTest extends WriteGroupsTest {
  private String schema;

  @Override
  PlandevConfig config() {
    schema = Services.freshPostgresSchema();
    return Services.postgresConfig(dir, schema);
  }

  @Override
  String idType() {
    return "SERIAL";
  }

  @AfterEach
  void dropSchema() {
    Services.dropPostgresSchema(schema);
  }
}
