package dev.plandev.defaults.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    Server server,
    Sqlite sqlite,
    Postgres postgres,
    Redis redis,
    Ml ml,
    Monitoring monitoring,
    Security security,
    Backup backup) {

  /**
   * The HTTP service.
   *
   * @param rateLimit requests per second allowed to one API key (0: no limit)
   * @param rateBurst requests one key may send at once above the rate
   * @param corsOrigins origins allowed to call the API from a browser, comma-separated; empty turns
   *     CORS off
   * @param vacuumSchedule cron expression of the SQLite VACUUM/REINDEX job
   * @param expirySchedule cron expression of the sweep that removes long-expired entries
   * @param planRoots folders whose Markdown plans the web UI shows, comma-separated; relative ones
   *     are relative to the working directory of {@code plandev serve}
   * @param sessionTimeout how long a web UI sign-in lasts without use before it ends
   */
  public record Server(
      String host,
      int port,
      long maxBodyBytes,
      int maxHeaderBytes,
      Duration shutdownTimeout,
      int rateLimit,
      int rateBurst,
      String corsOrigins,
      String vacuumSchedule,
      String expirySchedule,
      String planRoots,
      Duration sessionTimeout) {

    void check(ProblemList problems) {
      problems.notEmpty("server.host", host);
      problems.between("server.port", port, 0, 65535);
      problems.atLeast("server.maxBodyBytes", maxBodyBytes, 1024);
      problems.between("server.maxHeaderBytes", maxHeaderBytes, 1024, 1_048_576);
      problems.require(
          rateLimit >= 0, "server.rateLimit", rateLimit, "must not be negative (0: no limit)");
      problems.atLeast("server.rateBurst", rateBurst, 1);
      problems.notEmpty("server.planRoots", planRoots);
      problems.require(
          sessionTimeout != null && sessionTimeout.toSeconds() >= 60,
          "server.sessionTimeout",
          sessionTimeout == null ? null : DurationText.format(sessionTimeout),
          "must be at least 1m");
    }
  }

  /**
   * The embedded database, used unless {@code postgres.enabled}.
   *
   * @param allowLostWrites start even when the database holds fewer writes than it had committed
   *     (emptied, replaced by an older copy, or writes lost in a damaged write-ahead log), which
   *     the store otherwise refuses; set it once to go on with what the database holds
   */
  public record Sqlite(
      String path,
      String journalMode,
      String synchronous,
      Duration busyTimeout,
      int poolSize,
      boolean allowLostWrites) {
    private static final List<String> JOURNAL_MODES =
        List.of("WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF");
    private static final List<String> SYNC_MODES = List.of("OFF", "NORMAL", "FULL", "EXTRA");

    void check(ProblemList problems) {
      problems.notEmpty("sqlite.path", path);
      problems.oneOf("sqlite.journalMode", journalMode, JOURNAL_MODES);
      problems.oneOf("sqlite.synchronous", synchronous, SYNC_MODES);
      problems.between("sqlite.poolSize", poolSize, 1, 64);
    }
  }

  /** PostgreSQL, for several service instances sharing one store. */
  public record Postgres(
      boolean enabled, String url, String user, String password, String schema, int poolSize) {

    void check(ProblemList problems) {
      problems.require(
          !enabled || (url != null && url.startsWith("jdbc:postgresql:")),
          "postgres.url",
          url,
          "must start with jdbc:postgresql:");
      problems.between("postgres.poolSize", poolSize, 1, 200);
      problems.require(
          schema != null && schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
          "postgres.schema",
          schema,
          "must be a plain SQL identifier");
    }
  }

  /**
   * The cache: L1 in each process (always on unless {@code l1MaxBytes} is 0) and L2 in Redis when
   * {@code enabled}.
   *
   * @param maxRetries connection attempts made at start after the first one fails, {@code
   *     retryDelay} apart, before connecting goes on in the background
   * @param retryDelay the first pause between connection attempts (doubling, up to 5 s)
   * @param timeout the longest a Redis command may take before it counts as failed
   * @param keyPrefix prepended to every Redis key and to the invalidation channel, so that several
   *     deployments (or tests) can share one Redis
   * @param ttl lifetime of a cached resolution in Redis (db 0), stretched for often-used entries
   * @param maxTtl the longest a stretched resolution lives in Redis
   * @param negativeTtl lifetime of a cached "no default" answer, in both levels
   * @param l1MaxBytes the heap each process may spend on L1, by an estimate of the bytes its
   *     answers retain (a quarter of it for ranked predictions); 0 turns L1 off. Replaces {@code
   *     l1MaxSize}
   * @param l1Ttl lifetime of an entry in L1
   * @param breakerFailureRate percentage of failed (or slow) Redis calls that opens the breaker
   * @param breakerSlowCall a Redis call slower than this counts as slow
   * @param breakerWaitInOpen how long the breaker stays open before probing Redis again
   * @param breakerMinimumCalls calls the breaker needs to see before it judges the failure rate
   */
  public record Redis(
      boolean enabled,
      String host,
      int port,
      String password,
      int maxRetries,
      Duration retryDelay,
      Duration timeout,
      String keyPrefix,
      Duration ttl,
      Duration maxTtl,
      Duration negativeTtl,
      long l1MaxBytes,
      Duration l1Ttl,
      double breakerFailureRate,
      Duration breakerSlowCall,
      Duration breakerWaitInOpen,
      int breakerMinimumCalls) {

    void check(ProblemList problems) {
      problems.between("redis.port", port, 1, 65535);
      problems.require(maxRetries >= 0, "redis.maxRetries", maxRetries, "must not be negative");
      problems.positive("redis.retryDelay", retryDelay);
      problems.positive("redis.timeout", timeout);
      problems.require(
          keyPrefix != null && keyPrefix.matches("[A-Za-z0-9._:-]{0,64}"),
          "redis.keyPrefix",
          keyPrefix,
          "must be at most 64 characters of A-Z a-z 0-9 . _ : -");
      checkLifetimes(problems);
      problems.require(
          l1MaxBytes == 0 || (l1MaxBytes >= 1L << 16 && l1MaxBytes <= 1L << 36),
          "redis.l1MaxBytes",
          l1MaxBytes,
          "must be 0 (L1 off) or between 65536 and 68719476736 bytes (64 KiB to 64 GiB)");
      problems.positive("redis.l1Ttl", l1Ttl);
      problems.percentage("redis.breakerFailureRate", breakerFailureRate);
      problems.positive("redis.breakerSlowCall", breakerSlowCall);
      problems.positive("redis.breakerWaitInOpen", breakerWaitInOpen);
      problems.between("redis.breakerMinimumCalls", breakerMinimumCalls, 1, 10_000);
    }

    /** Redis expires keys in whole seconds, so its lifetimes must be at least one. */
    private void checkLifetimes(ProblemList problems) {
      problems.atLeast("redis.ttl", ttl, Duration.ofSeconds(1));
      problems.require(
          maxTtl != null && (ttl == null || maxTtl.compareTo(ttl) >= 0),
          "redis.maxTtl",
          maxTtl,
          "must be at least redis.ttl ("
              + (ttl == null ? "unset" : DurationText.format(ttl))
              + ")");
      problems.positive("redis.negativeTtl", negativeTtl);
    }
  }

  /**
   * The ranking engine.
   *
   * @param timeout longest a prediction may take before the fallback answers instead
   * @param breakerFailureRate percentage of failed or timed-out predictions that opens the breaker
   * @param breakerWaitInOpen how long the breaker stays open before it tries the engine again
   * @param breakerMinimumCalls predictions the breaker sees before it judges the failure rate
   */
  public record Ml(
      boolean enabled,
      String modelPath,
      Duration updatePeriod,
      int batchSize,
      double threshold,
      Duration timeout,
      double breakerFailureRate,
      Duration breakerWaitInOpen,
      int breakerMinimumCalls) {

    void check(ProblemList problems) {
      problems.atLeast("ml.batchSize", batchSize, 1);
      problems.require(
          threshold >= 0 && threshold <= 1, "ml.threshold", threshold, "must be within 0..1");
      problems.notNegative("ml.updatePeriod", updatePeriod);
      problems.atLeast("ml.timeout", timeout, Duration.ofMillis(1));
      problems.percentage("ml.breakerFailureRate", breakerFailureRate);
      problems.atLeast("ml.breakerMinimumCalls", breakerMinimumCalls, 1);
    }
  }

  /**
   * Metrics, logs and traces.
   *
   * @param enabled whether the service serves {@code /metrics} (false: it answers 404 there, and
   *     {@code metricsPort} is not opened)
   * @param metricsPort a port of its own for {@code /metrics} (0: the main port only)
   * @param tracing OpenTelemetry traces of the service's requests
   */
  public record Monitoring(
      boolean enabled, int metricsPort, String logLevel, String logDir, Tracing tracing) {
    private static final List<String> LOG_LEVELS =
        List.of("trace", "debug", "info", "warn", "error");

    void check(ProblemList problems) {
      problems.between(
          "monitoring.metricsPort",
          metricsPort,
          0,
          65535,
          "(0 serves metrics on the main port only)");
      problems.oneOf("monitoring.logLevel", logLevel, LOG_LEVELS);
      if (tracing == null) {
        problems.require(false, "monitoring.tracing", null, "must be a section");
      } else {
        tracing.check(problems);
      }
    }
  }

  /**
   * OpenTelemetry traces, off by default: a span per HTTP request with child spans for the cache
   * levels, store queries and ranking, exported over OTLP/HTTP.
   *
   * @param enabled whether spans are made and exported at all (false: no tracing work is done)
   * @param endpoint the OTLP/HTTP traces URL of a collector, such as {@code
   *     http://127.0.0.1:4318/v1/traces}
   * @param samplerRatio the share of new traces kept, 0..1; a request that carries a sampled {@code
   *     traceparent} is always kept
   * @param serviceName the {@code service.name} of the spans
   */
  public record Tracing(boolean enabled, String endpoint, double samplerRatio, String serviceName) {

    void check(ProblemList problems) {
      problems.require(
          endpoint != null && endpoint.matches("https?://[^\\s/]+(/\\S*)?"),
          "monitoring.tracing.endpoint",
          endpoint,
          "must be an http:// or https:// URL, such as http://127.0.0.1:4318/v1/traces");
      problems.require(
          samplerRatio >= 0 && samplerRatio <= 1,
          "monitoring.tracing.samplerRatio",
          samplerRatio,
          "must be within 0..1");
      problems.notEmpty("monitoring.tracing.serviceName", serviceName);
    }
  }

  /**
   * Limits and encryption of secret values, and the service's configured key.
   *
   * @param adminKey an admin API key the operator made and holds in a secret store ({@code pdk_}
   *     and 32 letters or digits); {@code plandev serve} registers its hash at start, so replicas
   *     deployed from one secret all accept it. Empty: none (the first start prints a key instead)
   */
  public record Security(
      String encryptionKey,
      String keyFile,
      int maxValueBytes,
      int maxContextFields,
      String adminKey) {

    void check(ProblemList problems) {
      problems.between("security.maxValueBytes", maxValueBytes, 16, 16 * 1_048_576);
      problems.between("security.maxContextFields", maxContextFields, 1, 64);
      problems.require(
          adminKey != null && (adminKey.isEmpty() || adminKey.matches("pdk_[A-Za-z0-9]{32}")),
          "security.adminKey",
          adminKey == null ? null : "****",
          "must be empty or pdk_ and 32 letters or digits");
    }
  }

  /**
   * Backups of the store and the model files, taken by {@code plandev backup} and, while {@code
   * plandev serve} runs, on the schedules below (five-field cron, in the service's time zone).
   *
   * @param enabled whether {@code plandev serve} takes and prunes backups on its schedules
   *     (commands work either way)
   * @param dir where backups are written; relative to the data directory. Keep it on another disk
   *     than the data directory, or copy it elsewhere: a backup on the same disk dies with it
   * @param fullSchedule cron expression of full backups (weekly by default)
   * @param fullRetention how long a full backup is kept; the newest good one is always kept
   * @param incrementalSchedule cron expression of incremental backups (every 6 hours by default):
   *     the audit trail and usage events since the backup before, which a point-in-time restore
   *     replays
   * @param incrementalRetention how long moments can be restored to the minute: incrementals are
   *     deleted once the full backup that follows them is older than this
   * @param verifySchedule cron expression of the verification of every kept backup (daily)
   * @param zstdLevel zstd compression level, 1 (fastest) to 19 (smallest)
   * @param diskWarnRatio used share of the data or backup disk (0..1) above which {@code /health}
   *     warns
   * @param diskCriticalRatio used share above which {@code /health} reports the disk critical
   */
  public record Backup(
      boolean enabled,
      String dir,
      String fullSchedule,
      Duration fullRetention,
      String incrementalSchedule,
      Duration incrementalRetention,
      String verifySchedule,
      int zstdLevel,
      double diskWarnRatio,
      double diskCriticalRatio) {

    /** This section with another backup directory. */
    public Backup withDir(String d) {
      return new Backup(
          enabled,
          d,
          fullSchedule,
          fullRetention,
          incrementalSchedule,
          incrementalRetention,
          verifySchedule,
          zstdLevel,
          diskWarnRatio,
          diskCriticalRatio);
    }

    void check(ProblemList problems) {
      problems.notEmpty("backup.dir", dir);
      problems.cron("backup.fullSchedule", fullSchedule);
      problems.cron("backup.incrementalSchedule", incrementalSchedule);
      problems.cron("backup.verifySchedule", verifySchedule);
      problems.atLeast("backup.fullRetention", fullRetention, Duration.ofHours(1));
      problems.atLeast("backup.incrementalRetention", incrementalRetention, Duration.ofHours(1));
      problems.between("backup.zstdLevel", zstdLevel, 1, 19);
      problems.require(
          diskWarnRatio > 0 && diskWarnRatio < 1,
          "backup.diskWarnRatio",
          diskWarnRatio,
          "must be between 0 and 1 (0.8 warns above 80 % used)");
      problems.require(
          diskCriticalRatio > diskWarnRatio && diskCriticalRatio <= 1,
          "backup.diskCriticalRatio",
          diskCriticalRatio,
          "must be above backup.diskWarnRatio (" + diskWarnRatio + ") and at most 1");
    }
  }

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
        new Server(
            "127.0.0.1",
            8080,
            1_048_576,
            16_384,
            Duration.ofSeconds(20),
            500,
            1000,
            "",
            "0 4 * * 0",
            "17 * * * *",
            ".",
            Duration.ofHours(8)),
        // WAL with synchronous=NORMAL: a commit survives the process being killed (tested with
        // kill -9); only an OS crash or power loss can lose the last commits. FULL adds an fsync
        // to every commit for that, at a measured cost of about half the batch throughput.
        new Sqlite("defaults.db", "WAL", "NORMAL", Duration.ofSeconds(5), 4, false),
        new Postgres(
            false, "jdbc:postgresql://127.0.0.1:5432/plandev", "plandev", "", "public", 10),
        new Redis(
            false,
            "127.0.0.1",
            6379,
            "",
            3,
            Duration.ofMillis(100),
            Duration.ofSeconds(2),
            "",
            Duration.ofSeconds(3600),
            Duration.ofHours(4),
            Duration.ofSeconds(10),
            96L << 20,
            Duration.ofSeconds(60),
            25,
            Duration.ofSeconds(2),
            Duration.ofSeconds(30),
            20),
        new Ml(
            true,
            "model",
            Duration.ofHours(24),
            1000,
            0.8,
            Duration.ofMillis(250),
            50,
            Duration.ofSeconds(30),
            10),
        new Monitoring(
            true,
            0,
            "info",
            "logs",
            new Tracing(false, "http://127.0.0.1:4318/v1/traces", 1.0, "plandev")),
        new Security("", "secret.key", 65_536, 16, ""),
        // The v39 plan's schedule: full weekly kept 90 days, incremental every 6 hours kept 7
        // days, validation daily; disk warnings at 80 % and 90 % used.
        new Backup(
            true,
            "backups",
            "0 3 * * 0",
            Duration.ofDays(90),
            "0 */6 * * *",
            Duration.ofDays(7),
            "30 5 * * *",
            3,
            0.8,
            0.9));
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
  public PlandevConfig withRedis(Redis r) {
    return new PlandevConfig(
        dataDir, server, sqlite, postgres, r, ml, monitoring, security, backup);
  }

  /**
   * This configuration with another PostgreSQL section (tests and tools switch stores).
   *
   * @throws ConfigException naming every rule {@code pg} breaks
   */
  public PlandevConfig withPostgres(Postgres pg) {
    return new PlandevConfig(dataDir, server, sqlite, pg, redis, ml, monitoring, security, backup);
  }

  /**
   * This configuration with another backup section.
   *
   * @throws ConfigException naming every rule {@code b} breaks
   */
  public PlandevConfig withBackup(Backup b) {
    return new PlandevConfig(dataDir, server, sqlite, postgres, redis, ml, monitoring, security, b);
  }

  /** The backup directory, resolved against the data directory when relative. */
  public Path backupPath() {
    return resolve(backup.dir());
  }
}
