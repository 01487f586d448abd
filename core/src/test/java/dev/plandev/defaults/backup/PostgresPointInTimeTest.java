package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.FreshSchemas;
import dev.plandev.defaults.testing.Services;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Point-in-time exactness on the machine's PostgreSQL: the store in a fresh schema, each moment
 * restored into another fresh schema (skipped without PostgreSQL, failed in CI).
 */
class PostgresPointInTimeTest extends PointInTimeContract {
  @RegisterExtension final FreshSchemas schemas = new FreshSchemas();

  @Override
  PlandevConfig store(Path dataDir) {
    return schemas.store(dataDir);
  }

  @Override
  PlandevConfig restoreAt(PlandevConfig source, Instant at, String name, Clock clock) {
    // Same data directory (its backups, its key), another schema to restore into.
    PlandevConfig target = store(Path.of(source.dataDir()));
    Backups.of(target, clock).restoreAt(at, dir.resolve(name), false, BackupProgress.NONE);
    return target;
  }

  @Override
  String dump(PlandevConfig store) throws Exception {
    try (Connection c = DriverManager.getConnection(Services.PG_URL, Services.PG_USER, "")) {
      c.setSchema(store.postgres().schema());
      return dump(c);
    }
  }
}
