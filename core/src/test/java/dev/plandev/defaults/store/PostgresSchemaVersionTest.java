package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The schema check on the machine's PostgreSQL, each test in a schema of its own. */
class PostgresSchemaVersionTest extends SchemaVersionContract {
  private final List<String> schemas = new ArrayList<>();

  @Override
  PlandevConfig config(Path dataDir) {
    String schema = Services.freshPostgresSchema();
    schemas.add(schema);
    return Services.postgresConfig(dataDir, schema);
  }

  @Override
  String history(PlandevConfig config) {
    return config.postgres().schema() + ".flyway_schema_history";
  }

  @Test
  void schemaCreatedByFlyway_isCurrentOnTheNextOpen() {
    String schema = "t_" + Long.toHexString(System.nanoTime()) + "_new";
    schemas.add(schema);
    PlandevConfig config = Services.postgresConfig(dir, schema);
    Database.open(config).close();
    try (Database db = Database.open(config)) {
      assertThat(SchemaVersion.isCurrent(db.dataSource(), schema)).isTrue();
    }
  }

  @AfterEach
  void dropSchemas() {
    schemas.forEach(Services::dropPostgresSchema);
  }
}
