package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import java.io.IOException;
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
 * Full backups of a PostgreSQL store: every table exported with {@code COPY … TO STDOUT} inside one
 * read-only repeatable-read transaction, so the export shows one moment while the service keeps
 * writing, and the model files of the data directory ({@link ModelFiles}); {@link PostgresRestore}
 * brings them back.
 */
final class PostgresBackup {
  /** How long one attempt waits for the writes in flight to finish, holding new ones back. */
  private static final int LOCK_WAIT_MS = 100;

  /** Attempts before a backup gives up on a store too busy to pause its writes that long. */
  private static final int LOCK_ATTEMPTS = 50;

  private final PlandevConfig config;
  private final Clock clock;

  PostgresBackup(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  /** A connection whose unqualified names are the tables of the store's schema. */
  static Connection connect(PostgresSettings pg) throws SQLException {
    Connection c =
        DriverManager.getConnection(
            pg.url(), pg.user(), pg.password().isEmpty() ? null : pg.password());
    // Set before any transaction begins: the snapshot of a repeatable-read one is its first
    // query's.
    c.setSchema(pg.schema());
    return c;
  }

  /**
   * A read-only repeatable-read transaction whose every query sees one moment, and a moment with no
   * write to the audit trail or the usage events in flight.
   *
   * <p>Ids come from sequences when a row is written, not when it commits: a snapshot taken while a
   * writer holding id 10 has not committed yet may show id 11, and the next backup, reading past
   * 11, would never see 10. So the snapshot is taken under a short lock that waits for the writers
   * in flight and holds new ones back, and exported to this transaction; the lock is released at
   * once, and the export goes on while the service writes.
   */
  private static Connection snapshot(PostgresSettings pg) throws SQLException {
    Connection c = connect(pg);
    try (Connection gate = connect(pg)) {
      gate.setAutoCommit(false);
      String snapshot = exportUnderLock(gate);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      c.setReadOnly(true);
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
      }
      gate.commit();
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }

  /**
   * Locks the audit trail and the usage events against writes and exports a snapshot taken under
   * that lock, in {@code gate}'s transaction. Holding one lock while waiting for the other could
   * deadlock with a writer of both tables; so each wait is cut short well before PostgreSQL's
   * deadlock check (one second by default) would abort the writer instead, and the attempt made
   * again on a fresh transaction.
   */
  private static String exportUnderLock(Connection gate) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement s = gate.createStatement()) {
        s.execute("SET LOCAL lock_timeout = '" + LOCK_WAIT_MS + "ms'");
        s.execute("LOCK TABLE changes IN SHARE MODE");
        s.execute("LOCK TABLE usage_events IN SHARE MODE");
        try (ResultSet rs = s.executeQuery("SELECT pg_export_snapshot()")) {
          rs.next();
          return rs.getString(1);
        }
      } catch (SQLException e) {
        gate.rollback();
        boolean busy = "55P03".equals(e.getSQLState()) || "40P01".equals(e.getSQLState());
        if (!busy || attempt == LOCK_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * The rows of the audit trail and the usage events past the last ids of {@code base}, read in one
   * repeatable-read transaction while the service keeps writing.
   */
  LogExport readLog(Manifest base) throws SQLException, IOException {
    try (Connection c = snapshot(config.postgres())) {
      LogExport log = LogExport.read(c, base);
      c.commit();
      return log;
    }
  }

  /** The schema version of the store. */
  int schemaVersion() throws SQLException {
    try (Connection c = connect(config.postgres());
        Statement s = c.createStatement()) {
      return schemaVersion(s, config.postgres());
    }
  }

  static String table(PostgresSettings pg, String name) {
    return '"' + pg.schema() + "\"." + name;
  }

  Manifest take(BackupCatalog catalog, BackupProgress progress) {
    PostgresSettings pg = config.postgres();
    String id = catalog.newId("full", clock.instant());
    return catalog.take(
        id,
        config,
        progress,
        partial -> {
          // The rows since the backup before, in the same transaction: they link this backup to
          // that one's chain, so that a point-in-time restore can reach any moment up to this one.
          Manifest base = catalog.newest("postgresql");
          // Before the snapshot: the model then never claims events the snapshot lacks.
          progress.step("copy of the model files");
          ModelFiles.Copy model =
              ModelFiles.copy(
                  config.resolve(config.ml().modelPath()), partial.resolve(ModelFiles.FOLDER));
          try (Connection c = snapshot(pg)) {
            // Read once the snapshot is set: every row in it was written before this moment.
            Instant to = clock.instant();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            int level = config.backup().zstdLevel();
            List<Manifest.FileEntry> files = new ArrayList<>();
            List<Manifest.SampleResolve> sample;
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
              if (base != null) {
                files.addAll(LogExport.read(c, base).write(partial, level));
              }
              progress.step("sample of resolves");
              sample =
                  SnapshotStore.resolve(
                      config, c, to, SnapshotStore.sampleKeys(c, SnapshotStore.SAMPLE_SIZE));
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
            progress.step("compression of the model files");
            files.addAll(
                ModelFiles.compress(model, partial, level, lastIds.get("usage_events"), progress));
            Manifest m =
                new Manifest(
                    1,
                    id,
                    "full",
                    "postgresql",
                    base == null ? null : base.id(),
                    null,
                    to.toString(),
                    clock.instant().toString(),
                    schema,
                    rows,
                    lastIds,
                    files,
                    List.copyOf(keyIds),
                    level,
                    sample);
            return m;
          }
        });
  }

  private static int schemaVersion(Statement s, PostgresSettings pg) throws SQLException {
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

  static long count(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void collectKeyIds(Statement s, PostgresSettings pg, TreeSet<String> ids)
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
}
