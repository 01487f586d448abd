package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import java.nio.file.Path;

/** {@link ApiKeysContract} on a SQLite file. */
class SqliteApiKeysTest extends ApiKeysContract {
  @Override
  PlandevConfig config(Path dataDir) {
    return PlandevConfig.defaults().withDataDir(dataDir.toString());
  }
}
