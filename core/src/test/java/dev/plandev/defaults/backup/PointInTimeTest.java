package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;

/** Point-in-time exactness on the embedded SQLite store: each moment restored into a new folder. */
class PointInTimeTest extends PointInTimeContract {
  @Override
  PlandevConfig store(Path dataDir) {
    return PlandevConfig.defaults().withDataDir(dataDir.toString());
  }

  @Override
  PlandevConfig restoreAt(PlandevConfig source, Instant at, String name, Clock clock)
      throws Exception {
    Path target = dir.resolve(name);
    Files.createDirectories(target);
    // The key travels apart from the backups, as the documentation asks.
    Files.copy(
        source.resolve("secret.key"),
        target.resolve("secret.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Backups.of(source, clock).restoreAt(at, target, false, BackupProgress.NONE);
    return source.withDataDir(target.toString());
  }

  @Override
  String dump(PlandevConfig store) throws Exception {
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + store.resolve("defaults.db"))) {
      return dump(c);
    }
  }
}
