package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import dev.plandev.defaults.store.LogReplay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Restores a PostgreSQL backup, and the incrementals that follow it, into a schema in one
 * transaction.
 */
final class PostgresRestore {
  private final Clock clock;

  PostgresRestore(Clock clock) {
    this.clock = clock;
  }

  /**
   * Resolves the manifest's sample on the imported rows, in the restore's transaction (before any
   * replay): the same answers as when the backup was taken, or the restore fails.
   */
  private static String sampleCheck(Manifest m, PlandevConfig target, Connection c) {
    List<String[]> keys =
        m.sample().stream().map(s -> new String[] {s.key(), s.context()}).toList();
    List<Manifest.SampleResolve> again = SnapshotStore.resolve(target, c, m.toInstant(), keys);
    if (!again.equals(m.sample())) {
      throw new BackupException(
          "the restored schema of "
              + m.id()
              + " resolves differently from the backup's record; nothing was changed");
    }
    return "resolves: " + again.size() + " of " + m.sample().size() + " as recorded";
  }

  private static RestoreRefusedException serviceUsing(String schema) {
    return new RestoreRefusedException(
        "a plandev service is using the schema "
            + schema
            + "; stop it before restoring over its store");
  }

  /**
   * Restores {@code backup} into the schema of {@code target}, then replays the rows of {@code
   * increments} (the chain that follows it) written up to {@code at}, all in one transaction: the
   * schema is created by the migrations when missing; one holding data is replaced only when {@code
   * force}, never while a service holds its lock. The backup's model files go into the model folder
   * of the data directory {@code dataDir} once the schema is committed, the folder they replace set
   * aside in {@code replaced-<time>/} (never kept: it may have learned events newer than the
   * restored moment); never while a service holds that directory's lock.
   */
  Restored restore(
      BackupInfo backup,
      List<BackupInfo> increments,
      Instant at,
      PlandevConfig target,
      Path dataDir,
      boolean force,
      BackupProgress progress) {
    Manifest m = backup.manifest();
    PostgresSettings pg = target.postgres();
    if (!pg.enabled()) {
      throw new RestoreRefusedException(
          "backup "
              + m.id()
              + " is of a PostgreSQL store: restore it with postgres.enabled=true and"
              + " postgres.schema set to the schema to restore into (-o postgres.schema=NAME)");
    }
    Restore.checkVersion(m);
    increments.forEach(i -> Restore.checkVersion(i.manifest()));
    // The key is checked before anything is imported, as for SQLite: naming the key and its file.
    Restore.checkKeys(m, target);
    increments.forEach(i -> Restore.checkKeys(i.manifest(), target));
    refuseWhileServed(pg);
    if (ServiceLock.inUse(dataDir)) {
      throw ServiceLock.refusal(
          dataDir,
          "the restore puts the model files of the restored store there. Stop it, or restore with"
              + " --to NEW_DIR and run the restored store with --data NEW_DIR");
    }
    progress.step("verification of the backup's checksums");
    BackupCatalog.verify(backup);
    increments.forEach(BackupCatalog::verify);
    Path staging = dataDir.resolve(".restore-" + m.id());
    Path modelDir = target.withDataDir(dataDir.toString()).resolve(target.ml().modelPath());
    List<String> checks;
    try {
      progress.step("decompression of the model files into " + staging);
      BackupCatalog.deleteQuietly(staging);
      String model = ModelFiles.stage(backup, staging.resolve(ModelFiles.FOLDER));
      checks = importSchema(backup, increments, at, target, force, progress);
      checks.add(model);
    } catch (IOException e) {
      BackupCatalog.deleteQuietly(staging);
      throw new RestoreRefusedException(
          "cannot write the model files in "
              + staging
              + " ("
              + e.getMessage()
              + "); nothing was changed. Choose a writable data directory with --to DIR");
    } catch (RuntimeException e) {
      BackupCatalog.deleteQuietly(staging);
      throw e;
    }
    try {
      progress.step("replacement of the model files in " + modelDir);
      ModelFiles.swap(
          staging.resolve(ModelFiles.FOLDER),
          modelDir,
          dataDir.resolve("replaced-" + Restore.STAMP.format(clock.instant())));
      BackupCatalog.deleteQuietly(staging);
    } catch (IOException e) {
      throw new BackupException(
          "the schema "
              + pg.schema()
              + " is restored from "
              + m.id()
              + ", but its model files could not replace "
              + modelDir
              + " ("
              + e.getMessage()
              + "): delete or move "
              + modelDir
              + " before starting plandev, so that the engine relearns the restored usage events",
          e);
    }
    return new Restored(m, Path.of(pg.schema()), checks);
  }

  /**
   * Refuses before anything is written while a service holds the schema's lock (the import checks
   * it again, holding it): that refusal says more than the data directory's, which may follow.
   */
  private static void refuseWhileServed(PostgresSettings pg) {
    try (Connection c = PostgresBackup.connect(pg)) {
      if (!SchemaLock.tryExclusive(c, pg.schema())) {
        throw SchemaLock.refusal(c, pg.schema());
      }
    } catch (SQLException e) {
      throw new RestoreRefusedException(
          "cannot reach the schema "
              + pg.schema()
              + " to restore into ("
              + e.getMessage()
              + "); check the postgres.* settings");
    }
  }

  /** Imports the backup and replays the increments in one transaction; returns the checks. */
  private List<String> importSchema(
      BackupInfo backup,
      List<BackupInfo> increments,
      Instant at,
      PlandevConfig target,
      boolean force,
      BackupProgress progress) {
    Manifest m = backup.manifest();
    PostgresSettings pg = target.postgres();
    // Opening the store creates the schema and its tables when missing.
    JdbcDefaultsStore.open(target, clock, new SimpleMeterRegistry()).close();
    try (Connection c = PostgresBackup.connect(pg)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // Held until this session ends: no service can start on the schema while it is replaced.
        if (!SchemaLock.tryExclusive(c, pg.schema())) {
          throw SchemaLock.refusal(c, pg.schema());
        }
        long held =
            PostgresBackup.count(s, "SELECT COUNT(*) FROM " + PostgresBackup.table(pg, "changes"))
                + PostgresBackup.count(
                    s, "SELECT COUNT(*) FROM " + PostgresBackup.table(pg, "default_values"));
        if (held > 0 && !force) {
          throw new RestoreRefusedException(
              "the schema "
                  + pg.schema()
                  + " already holds a store; restore into a new schema"
                  + " (-o postgres.schema=NAME), or add --force to replace it");
        }
        long listening =
            PostgresBackup.count(
                s,
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = "
                    + "'plandev write feed "
                    + pg.schema().replace("'", "''")
                    + "'");
        if (listening > 0) {
          throw serviceUsing(pg.schema());
        }
        progress.step("import into the schema " + pg.schema());
        s.execute(
            "TRUNCATE "
                + PostgresBackup.table(pg, "api_keys")
                + ", "
                + PostgresBackup.table(pg, "usage_events")
                + ", "
                + PostgresBackup.table(pg, "changes")
                + ", "
                + PostgresBackup.table(pg, "default_values"));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String t : SqliteFile.TABLES) {
          try (var in = Compressed.reader(backup.folder().resolve(t + ".copy.zst"))) {
            copy.copyIn("COPY " + PostgresBackup.table(pg, t) + " FROM STDIN", in);
          }
        }
        List<String> checks = new ArrayList<>();
        if (!m.sample().isEmpty()) {
          checks.add(sampleCheck(m, target, c));
        }
        Replay replayed = null;
        if (!increments.isEmpty()) {
          try (LogReplay replay = LogReplay.within(target, c)) {
            replayed = Replay.onto(replay, increments, at, progress);
          }
        }
        for (String t : SqliteFile.TABLES) {
          s.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + PostgresBackup.table(pg, t).replace("'", "''")
                  + "', 'id'), COALESCE((SELECT MAX(id) FROM "
                  + PostgresBackup.table(pg, t)
                  + "), 0) + 1, false)");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : SqliteFile.TABLES) {
          rows.put(
              t, PostgresBackup.count(s, "SELECT COUNT(*) FROM " + PostgresBackup.table(pg, t)));
        }
        if (replayed != null) {
          checks.add(replayed.check(m.rows(), rows, ""));
        } else if (!rows.equals(m.rows())) {
          throw new BackupException(
              "the restored schema holds rows "
                  + rows
                  + ", the manifest says "
                  + m.rows()
                  + "; nothing was changed");
        }
        c.commit();
        checks.add(0, "row counts: " + rows);
        return checks;
      } catch (RuntimeException | SQLException | IOException e) {
        c.rollback();
        throw e;
      }
    } catch (IOException | SQLException e) {
      throw new BackupException(
          "restore of "
              + m.id()
              + " into the schema "
              + pg.schema()
              + " failed: "
              + e.getMessage()
              + "; nothing was changed",
          e);
    }
  }
}
