package dev.plandev.defaults.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import dev.plandev.defaults.config.SecretMask;
import dev.plandev.defaults.model.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
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
  private final Path file;
  private final String server;
  private final StatementCache statements;

  /** A database on the SQLite {@code file}, or on the PostgreSQL {@code server} (masked). */
  private Database(HikariDataSource pool, Path file, String server) {
    this.pool = pool;
    this.dialect = file != null ? Dialect.SQLITE : Dialect.POSTGRESQL;
    this.file = file;
    this.server = server;
    this.statements = dialect == Dialect.SQLITE ? new StatementCache() : null;
  }

  /** A unit of work on a pooled connection (statements cached across units on SQLite). */
  Tx begin() throws java.sql.SQLException {
    return new Tx(pool.getConnection(), statements);
  }

  static Database open(PlandevConfig config) {
    return open(config, sqlite -> {});
  }

  /**
   * As {@link #open(PlandevConfig)}, with SQLite's connection settings adjusted by {@code tuning}
   * (tests cap the database's size to make it full).
   */
  static Database open(PlandevConfig config, Consumer<SQLiteConfig> tuning) {
    Database db = config.postgres().enabled() ? postgres(config) : sqlite(config, tuning);
    try {
      db.migrate(config);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    return db;
  }

  private static Database sqlite(PlandevConfig config, Consumer<SQLiteConfig> tuning) {
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
          "cannot prepare the database file "
              + file
              + " ("
              + e.getMessage()
              + "): the file or its directory is read-only or belongs to another user; make both"
              + " writable by the user running plandev, or choose a writable place with --data DIR",
          e);
    }
    SQLiteConfig sc = new SQLiteConfig();
    sc.setJournalMode(SQLiteConfig.JournalMode.valueOf(config.sqlite().journalMode()));
    sc.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(config.sqlite().synchronous()));
    sc.setBusyTimeout((int) config.sqlite().busyTimeout().toMillis());
    sc.enforceForeignKeys(true);
    sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    tuning.accept(sc);
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
    Path absolute = file.toAbsolutePath();
    return new Database(start(hc, absolute, null), absolute, null);
  }

  private static Database postgres(PlandevConfig config) {
    PostgresSettings pg = config.postgres();
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
    String server = SecretMask.inText(pg.url()) + " (schema " + pg.schema() + ")";
    return new Database(start(hc, null, server), null, server);
  }

  private static HikariDataSource start(HikariConfig hc, Path file, String server) {
    try {
      return new HikariDataSource(hc);
    } catch (RuntimeException e) {
      StorageFault fault = StorageFault.of(e, file, server);
      if (fault != null) {
        throw new StorageException(
            "cannot open the store: " + fault.explanation(), e, fault.publicReason());
      }
      String advice =
          file != null
              ? "; check that the file and its directory are readable and writable by the user"
                  + " running plandev, or choose another place with --data DIR"
              : "; check that the server is running and that postgres.url points at it";
      throw new StorageException(
          "cannot open "
              + (file != null ? "the database file " + file : "the PostgreSQL server " + server)
              + ": "
              + SecretMask.inText(rootMessage(e))
              + advice,
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
      throw failure("migrate the database to the current schema", e);
    }
  }

  /**
   * The failure to {@code what} (completing "cannot …") as a message a person can act on: the
   * storage fault in plain words when there is one, else the database's own, credentials masked.
   */
  StorageException failure(String what, Throwable e) {
    StorageFault fault = fault(e);
    if (fault != null) {
      return new StorageException(
          "cannot " + what + ": " + fault.explanation(), e, fault.publicReason());
    }
    return new StorageException(
        "cannot " + what + " in " + description() + ": " + SecretMask.inText(rootMessage(e)), e);
  }

  /** The storage fault behind {@code e}, or null when it is not the storage's. */
  StorageFault fault(Throwable e) {
    return StorageFault.of(e, file, server);
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? "the database driver gave no reason" : t.getMessage();
  }

  /**
   * Retires every pooled connection: idle ones now, busy ones when they return. After the server
   * dropped one connection (a restart, a failover), the others lead to the same lost server, and
   * handing them out one by one would fail a request each.
   */
  void retireConnections() {
    var bean = pool.getHikariPoolMXBean();
    if (bean != null) {
      bean.softEvictConnections();
    }
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
    return dedicatedConnection(DEDICATED_SOCKET_TIMEOUT_S, "plandev write feed");
  }

  /**
   * As {@link #dedicatedConnection()}, failing a call after {@code timeoutSeconds}, named {@code
   * purpose} in the server's {@code pg_stat_activity}.
   */
  java.sql.Connection dedicatedConnection(int timeoutSeconds, String purpose)
      throws java.sql.SQLException {
    if (dialect == Dialect.SQLITE) {
      return pool.getDataSource().getConnection();
    }
    java.util.Properties p = new java.util.Properties();
    p.setProperty("user", pool.getUsername());
    if (pool.getPassword() != null) {
      p.setProperty("password", pool.getPassword());
    }
    p.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
    p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
    p.setProperty("tcpKeepAlive", "true");
    p.setProperty("ApplicationName", purpose + " " + pool.getSchema());
    return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), p);
  }

  /** The PostgreSQL schema of the store, null on SQLite. */
  String schema() {
    return dialect == Dialect.POSTGRESQL ? pool.getSchema() : null;
  }

  Dialect dialect() {
    return dialect;
  }

  /**
   * {@code SQLite <file>} or {@code PostgreSQL <url> (schema <name>)}, the URL's credentials
   * masked.
   */
  String description() {
    return file != null ? "SQLite " + file : "PostgreSQL " + server;
  }

  /** The SQLite database file; null on PostgreSQL. */
  Path file() {
    return file;
  }

  @Override
  public void close() {
    if (statements != null) {
      statements.close();
    }
    pool.close();
  }
}
