package dev.plandev.defaults.testing;

import dev.plandev.defaults.config.PlandevConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Stores in fresh schemas of the machine's PostgreSQL, dropped after each test; register it with
 * {@code @RegisterExtension}.
 */
public final class FreshSchemas implements AfterEachCallback {
  private final List<String> schemas = new ArrayList<>();

  /** A store in a new, empty schema, with {@code dataDir} for its files (key, backups). */
  public PlandevConfig store(Path dataDir) {
    String schema = Services.freshPostgresSchema();
    schemas.add(schema);
    return Services.postgresConfig(dataDir, schema);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    schemas.forEach(Services::dropPostgresSchema);
    schemas.clear();
  }
}
