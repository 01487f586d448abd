package dev.plandev.defaults.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The connection pool of the configured database, migrated to the latest schema when opened.
 *
 * <p>SQLite runs in WAL mode with {@code BEGIN IMMEDIATE} transactions, so a writer never has to
 * upgrade a read lock (the cause of SQLITE_BUSY deadlocks between processes) and readers never wait
 * for writers.
 */
final class Database implements AutoCloseable {
  enum Dialect {
    SQLITE("instr"),
    POSTGRESQL("strpos");

    final String findFunction;

    Dialect(String findFunction) {
      this.findFunction = findFunction;
    }
  }

  /** How long a call on a dedicated PostgreSQL connection may wait for the server. */
  static final int DEDICATED_SOCKET_TIMEOUT_S = 10;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final String description;
  private final StatementCache statements;

  private Database(HikariDataSource pool, Dialect dialect, String description) {
    this.pool = pool;
    this.dialect = dialect;
    this.description = description;
    this.statements = dialect == Dialect.SQLITE ? new StatementCache() : null;
  }

  /** A unit of work on a pooled connection (statements cached across units on SQLite). */
  Tx begin() throws java.sql.SQLException {
    return new Tx(pool.getConnection(), statements);
  }

  static Database open(PlandevConfig config) {
    Database db = config.postgres().enabled() ? postgres(config) : sqlite(config);
    try {
      db.migrate(config);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static Database sqlite(PlandevConfig config) {
    Path file = config.resolve(config.sqlite().path());
    try {
      Path parent = file.toAbsolutePath().getParent();
      OwnerOnly.createDirectories(parent);
      // SQLite gives its -wal, -shm and -journal files the mode of the database file, so an
      // owner-only database keeps them owner-only too; files of an older version are tightened.
      OwnerOnly.file(file);
      for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
        OwnerOnly.restrict(Path.of(file + suffix));
      }
    } catch (IOException e) {
      throw new StorageException(
          "cannot create the data directory or database file "
              + file
              + ": "
              + e.getMessage()
              + "; choose a writable place with --data DIR",
          e);
    }
    SQLiteConfig sc = new SQLiteConfig();
    sc.setJournalMode(SQLiteConfig.JournalMode.valueOf(config.sqlite().journalMode()));
    sc.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(config.sqlite().synchronous()));
    sc.setBusyTimeout((int) config.sqlite().busyTimeout().toMillis());
    sc.enforceForeignKeys(true);
    sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource ds = new SQLiteDataSource(sc);
    ds.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(ds);
    hc.setPoolName("plandev-sqlite");
    hc.setMaximumPoolSize(config.sqlite().poolSize());
    hc.setMinimumIdle(1);
    hc.setConnectionTimeout(Math.max(250, config.sqlite().busyTimeout().toMillis()));
    // Never retire connections: a local file gains nothing from it, and StatementCache keys
    // prepared statements by connection.
    hc.setMaxLifetime(0);
    hc.setIdleTimeout(0);
    return new Database(start(hc, "SQLite " + file), Dialect.SQLITE, "SQLite " + file);
  }

  private static Database postgres(PlandevConfig config) {
    PlandevConfig.Postgres pg = config.postgres();
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(pg.url());
    hc.setUsername(pg.user());
    if (!pg.password().isEmpty()) {
      hc.setPassword(pg.password());
    }
    hc.setSchema(pg.schema());
    hc.setPoolName("plandev-postgres");
    hc.setMaximumPoolSize(pg.poolSize());
    hc.setMinimumIdle(1);
    hc.setConnectionTimeout(5000);
    hc.setInitializationFailTimeout(5000);
    String where = "PostgreSQL " + pg.url() + " (schema " + pg.schema() + ")";
    return new Database(start(hc, where), Dialect.POSTGRESQL, where);
  }

  private static HikariDataSource start(HikariConfig hc, String where) {
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StorageException(
          "cannot open "
              + where
              + ": "
              + rootMessage(e)
              + "; check that the database is running and the configuration points at it",
          e);
    }
  }

  private void migrate(PlandevConfig config) {
    String schema = dialect == Dialect.POSTGRESQL ? config.postgres().schema() : null;
    if (SchemaVersion.isCurrent(pool, schema)) {
      return; // nothing to do, and Flyway would take longer than the command to find that out
    }
    var fc =
        Flyway.configure(Database.class.getClassLoader())
            .dataSource(pool)
            .locations(
                "classpath:db/migration/" + dialect.name().toLowerCase(java.util.Locale.ROOT))
            .loggers("slf4j");
    if (dialect == Dialect.POSTGRESQL) {
      fc = fc.schemas(config.postgres().schema()).createSchemas(true);
    }
    try {
      fc.load().migrate();
    } catch (FlywayException e) {
      throw new StorageException(
          "cannot migrate " + description + " to the current schema: " + rootMessage(e), e);
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  DataSource dataSource() {
    return pool;
  }

  /**
   * A connection outside the pool, kept by its caller (SQLite's data_version is per connection; a
   * PostgreSQL LISTEN lasts as long as its connection). On PostgreSQL a dead peer fails its calls
   * within {@link #DEDICATED_SOCKET_TIMEOUT_S} seconds instead of hanging them.
   */
  java.sql.Connection dedicatedConnection() throws java.sql.SQLException {
    if (dialect == Dialect.SQLITE) {
      return pool.getDataSource().getConnection();
    }
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", pool.getUsername());
    if (pool.getPassword() != null) {
      p.setProperty("password", pool.getPassword());
    }
    p.setProperty("socketTimeout", Integer.toString(DEDICATED_SOCKET_TIMEOUT_S));
    p.setProperty("connectTimeout", Integer.toString(DEDICATED_SOCKET_TIMEOUT_S));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", "plandev write feed " + pool.getSchema());
    return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), p);
  }

  /** The PostgreSQL schema of the store, null on SQLite. */
  String schema() {
    return dialect == Dialect.POSTGRESQL ? pool.getSchema() : null;
  }

  Dialect dialect() {
    return dialect;
  }

  String description() {
    return description;
  }

  @Override
  public void close() {
    if (statements != null) {
      statements.close();
    }
    pool.close();
  }
}
