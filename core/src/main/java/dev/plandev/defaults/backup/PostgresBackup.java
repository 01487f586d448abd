package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.store.JdbcDefaultsStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Full backups of a PostgreSQL store and their restore into a schema: every table exported with
 * {@code COPY … TO STDOUT} inside one read-only repeatable-read transaction, so the export shows
 * one moment while the service keeps writing; restored with {@code COPY … FROM STDIN} into a schema
 * the migrations create, in one transaction.
 */
final class PostgresBackup {
  private final PlandevConfig config;
  private final Clock clock;

  PostgresBackup(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  private static Connection connect(PlandevConfig.Postgres pg) throws SQLException {
    return DriverManager.getConnection(
        pg.url(), pg.user(), pg.password().isEmpty() ? null : pg.password());
  }

  private static String table(PlandevConfig.Postgres pg, String name) {
    return '"' + pg.schema() + "\"." + name;
  }

  Manifest take(BackupCatalog catalog, BackupProgress progress) {
    PlandevConfig.Postgres pg = config.postgres();
    String id = catalog.newId("full", clock.instant());
    return catalog.take(
        id,
        config,
        progress,
        partial -> {
          try (Connection c = connect(pg)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int level = config.backup().zstdLevel();
            List<Manifest.FileEntry> files = new ArrayList<>();
            Map<String, Long> rows = new LinkedHashMap<>();
            Map<String, Long> lastIds = new LinkedHashMap<>();
            TreeSet<String> keyIds = new TreeSet<>();
            int schema;
            progress.step("export of the schema " + pg.schema() + " in one transaction");
            try (Statement s = c.createStatement()) {
              // The first query fixes the transaction's snapshot: everything below reads that
              // moment.
              schema = schemaVersion(s, pg);
              for (String t : SqliteFile.TABLES) {
                rows.put(t, count(s, "SELECT COUNT(*) FROM " + table(pg, t)));
              }
              lastIds.put(
                  "changes", count(s, "SELECT COALESCE(MAX(id), 0) FROM " + table(pg, "changes")));
              lastIds.put(
                  "usage_events",
                  count(s, "SELECT COALESCE(MAX(id), 0) FROM " + table(pg, "usage_events")));
              collectKeyIds(s, pg, keyIds);
              for (String t : SqliteFile.TABLES) {
                String name = t + ".copy.zst";
                files.add(
                    Compressed.write(
                        partial.resolve(name),
                        level,
                        name,
                        out -> {
                          try {
                            copy.copyOut("COPY " + table(pg, t) + " TO STDOUT", out);
                          } catch (SQLException e) {
                            throw new IOException(e.getMessage(), e);
                          }
                        }));
              }
            }
            c.commit();
            Instant to = clock.instant();
            Manifest m =
                new Manifest(
                    1,
                    id,
                    "full",
                    "postgresql",
                    null,
                    null,
                    to.toString(),
                    clock.instant().toString(),
                    schema,
                    rows,
                    lastIds,
                    files,
                    List.copyOf(keyIds),
                    level,
                    List.of());
            return m;
          }
        });
  }

  private static int schemaVersion(Statement s, PlandevConfig.Postgres pg) throws SQLException {
    int max = 0;
    try (ResultSet rs =
        s.executeQuery(
            "SELECT version FROM "
                + table(pg, "flyway_schema_history")
                + " WHERE success AND version IS NOT NULL")) {
      while (rs.next()) {
        max = Math.max(max, Integer.parseInt(rs.getString(1)));
      }
    }
    return max;
  }

  private static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void collectKeyIds(Statement s, PlandevConfig.Postgres pg, TreeSet<String> ids)
      throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "SELECT value FROM "
                + table(pg, "default_values")
                + " WHERE is_secret UNION ALL"
                + " SELECT old_value FROM "
                + table(pg, "changes")
                + " WHERE old_value LIKE '%enc:v1:%'"
                + " UNION ALL SELECT new_value FROM "
                + table(pg, "changes")
                + " WHERE new_value LIKE '%enc:v1:%'")) {
      while (rs.next()) {
        SqliteFile.keyIdsIn(rs.getString(1), ids);
      }
    }
  }

  /**
   * Restores {@code backup} into the schema of {@code target}: created by the migrations when
   * missing; one holding data is replaced only when {@code force}, never while a service listens on
   * it.
   */
  Restored restore(
      BackupInfo backup, PlandevConfig target, boolean force, BackupProgress progress) {
    Manifest m = backup.manifest();
    PlandevConfig.Postgres pg = target.postgres();
    if (!pg.enabled()) {
      throw new RestoreRefusedException(
          "backup "
              + m.id()
              + " is of a PostgreSQL store: restore it with postgres.enabled=true and"
              + " postgres.schema set to the schema to restore into (-o postgres.schema=NAME)");
    }
    Restore.checkVersion(m);
    progress.step("verification of the backup's checksums");
    BackupCatalog.verify(backup);
    // Opening the store creates the schema and its tables when missing.
    JdbcDefaultsStore.open(target, clock, new SimpleMeterRegistry()).close();
    try (Connection c = connect(pg)) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        long held =
            count(s, "SELECT COUNT(*) FROM " + table(pg, "changes"))
                + count(s, "SELECT COUNT(*) FROM " + table(pg, "default_values"));
        if (held > 0 && !force) {
          throw new RestoreRefusedException(
              "the schema "
                  + pg.schema()
                  + " already holds a store; restore into a new schema"
                  + " (-o postgres.schema=NAME), or add --force to replace it");
        }
        long listening =
            count(
                s,
                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = "
                    + "'plandev write feed "
                    + pg.schema().replace("'", "''")
                    + "'");
        if (listening > 0) {
          throw new RestoreRefusedException(
              "a plandev service is using the schema "
                  + pg.schema()
                  + "; stop it before restoring over its store");
        }
        progress.step("import into the schema " + pg.schema());
        s.execute(
            "TRUNCATE "
                + table(pg, "api_keys")
                + ", "
                + table(pg, "usage_events")
                + ", "
                + table(pg, "changes")
                + ", "
                + table(pg, "default_values"));
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (String t : SqliteFile.TABLES) {
          try (var in = Compressed.reader(backup.folder().resolve(t + ".copy.zst"))) {
            copy.copyIn("COPY " + table(pg, t) + " FROM STDIN", in);
          }
          s.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + table(pg, t).replace("'", "''")
                  + "', 'id'), COALESCE((SELECT MAX(id) FROM "
                  + table(pg, t)
                  + "), 0) + 1, false)");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String t : SqliteFile.TABLES) {
          rows.put(t, count(s, "SELECT COUNT(*) FROM " + table(pg, t)));
        }
        if (!rows.equals(m.rows())) {
          throw new BackupException(
              "the restored schema holds rows "
                  + rows
                  + ", the manifest says "
                  + m.rows()
                  + "; nothing was changed");
        }
        c.commit();
        return new Restored(m, Path.of(pg.schema()), List.of("row counts: " + rows));
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
