package dev.plandev.defaults.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

/**
 * The whole effective configuration, one record per section of the configuration file.
 *
 * <p>A configuration that exists is valid: the constructor checks every section and throws one
 * {@link ConfigException} naming each broken rule, so {@link #defaults()}, {@link ConfigLoader} and
 * the {@code with…} copies can only hand out usable configurations. A section on its own is not
 * checked; it is checked as part of the configuration that holds it. Relative paths in it are
 * relative to {@link #dataDir()}.
 */
public record PlandevConfig(
    String dataDir,
    ServerSettings server,
    SqliteSettings sqlite,
    PostgresSettings postgres,
    RedisSettings redis,
    MlSettings ml,
    MonitoringSettings monitoring,
    SecuritySettings security,
    BackupSettings backup) {

  /** Paths of settings whose values are masked whenever the configuration is shown. */
  public static final Set<String> SECRET_PATHS =
      Set.of("postgres.password", "redis.password", "security.encryptionKey", "security.adminKey");

  /**
   * Checks every section and seals the configuration.
   *
   * @throws ConfigException naming every broken rule, with its setting, value and what is allowed
   */
  public PlandevConfig {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(sqlite, "sqlite");
    Objects.requireNonNull(postgres, "postgres");
    Objects.requireNonNull(redis, "redis");
    Objects.requireNonNull(ml, "ml");
    Objects.requireNonNull(monitoring, "monitoring");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(backup, "backup");
    ProblemList problems = new ProblemList();
    problems.notEmpty("dataDir", dataDir);
    server.check(problems);
    sqlite.check(problems);
    postgres.check(problems);
    redis.check(problems);
    ml.check(problems);
    monitoring.check(problems);
    security.check(problems);
    backup.check(problems);
    problems.throwIfAny();
  }

  /** The embedded default: SQLite under {@code data/}, no Redis, service on 127.0.0.1:8080. */
  public static PlandevConfig defaults() {
    return new PlandevConfig(
        "data",
        ServerSettings.defaults(),
        SqliteSettings.defaults(),
        PostgresSettings.defaults(),
        RedisSettings.defaults(),
        MlSettings.defaults(),
        MonitoringSettings.defaults(),
        SecuritySettings.defaults(),
        BackupSettings.defaults());
  }

  /** The data directory as a path. */
  public Path dataPath() {
    return Path.of(dataDir);
  }

  /** A configured path, resolved against the data directory when it is relative. */
  public Path resolve(String path) {
    Path p = Path.of(path);
    return p.isAbsolute() ? p : dataPath().resolve(p);
  }

  /**
   * This configuration with another data directory.
   *
   * @throws ConfigException when {@code dir} is empty
   */
  public PlandevConfig withDataDir(String dir) {
    return new PlandevConfig(
        dir, server, sqlite, postgres, redis, ml, monitoring, security, backup);
  }

  /**
   * This configuration with another cache section.
   *
   * @throws ConfigException naming every rule {@code r} breaks
   */
  public PlandevConfig withRedis(RedisSettings r) {
    return new PlandevConfig(
        dataDir, server, sqlite, postgres, r, ml, monitoring, security, backup);
  }

  /**
   * This configuration with another PostgreSQL section (tests and tools switch stores).
   *
   * @throws ConfigException naming every rule {@code pg} breaks
   */
  public PlandevConfig withPostgres(PostgresSettings pg) {
    return new PlandevConfig(dataDir, server, sqlite, pg, redis, ml, monitoring, security, backup);
  }

  /**
   * This configuration with another backup section.
   *
   * @throws ConfigException naming every rule {@code b} breaks
   */
  public PlandevConfig withBackup(BackupSettings b) {
    return new PlandevConfig(dataDir, server, sqlite, postgres, redis, ml, monitoring, security, b);
  }

  /** The backup directory, resolved against the data directory when relative. */
  public Path backupPath() {
    return resolve(backup.dir());
  }
}
