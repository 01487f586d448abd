package dev.plandev.defaults.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whole effective configuration, one record per section of the configuration file.
 *
 * <p>Relative paths in it are relative to {@link #dataDir()}. Build one with {@link #defaults()} or
 * {@link ConfigLoader}; both validate it.
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
      String expirySchedule) {}

  /** The embedded database, used unless {@code postgres.enabled}. */
  public record Sqlite(
      String path, String journalMode, String synchronous, Duration busyTimeout, int poolSize) {}

  /** PostgreSQL, for several service instances sharing one store. */
  public record Postgres(
      boolean enabled, String url, String user, String password, String schema, int poolSize) {}

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
   * @param statsTtl lifetime of usage statistics in Redis (db 1)
   * @param modelTtl lifetime of ranking models in Redis (db 2)
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
      Duration statsTtl,
      Duration modelTtl,
      long l1MaxBytes,
      Duration l1Ttl,
      double breakerFailureRate,
      Duration breakerSlowCall,
      Duration breakerWaitInOpen,
      int breakerMinimumCalls) {}

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
      int breakerMinimumCalls) {}

  /** Metrics and logs. */
  public record Monitoring(boolean enabled, int metricsPort, String logLevel, String logDir) {}

  /** Limits and encryption of secret values. */
  public record Security(
      String encryptionKey, String keyFile, int maxValueBytes, int maxContextFields) {}

  /** Scheduled backups of the store. */
  public record Backup(boolean enabled, String dir, String schedule, int retention) {}

  /** Paths of settings whose values are masked whenever the configuration is shown. */
  public static final Set<String> SECRET_PATHS =
      Set.of("postgres.password", "redis.password", "security.encryptionKey");

  private static final Set<String> JOURNAL_MODES =
      Set.of("WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF");
  private static final Set<String> SYNC_MODES = Set.of("OFF", "NORMAL", "FULL", "EXTRA");
  private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error");

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
            "17 * * * *"),
        // WAL with synchronous=NORMAL: a commit survives the process being killed (tested with
        // kill -9); only an OS crash or power loss can lose the last commits. FULL adds an fsync
        // to every commit for that, at a measured cost of about half the batch throughput.
        new Sqlite("defaults.db", "WAL", "NORMAL", Duration.ofSeconds(5), 4),
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
            Duration.ofSeconds(86_400),
            Duration.ofSeconds(3600),
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
        new Monitoring(true, 0, "info", "logs"),
        new Security("", "secret.key", 65_536, 16),
        new Backup(false, "backups", "0 3 * * *", 7));
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

  /** This configuration with another data directory. */
  public PlandevConfig withDataDir(String dir) {
    return new PlandevConfig(
        dir, server, sqlite, postgres, redis, ml, monitoring, security, backup);
  }

  /** This configuration with another cache section. */
  public PlandevConfig withRedis(Redis r) {
    return new PlandevConfig(
        dataDir, server, sqlite, postgres, r, ml, monitoring, security, backup);
  }

  /** This configuration with another PostgreSQL section (tests and tools switch stores). */
  public PlandevConfig withPostgres(Postgres pg) {
    return new PlandevConfig(dataDir, server, sqlite, pg, redis, ml, monitoring, security, backup);
  }

  /** Every broken rule as {@code path: problem}; empty when the configuration is usable. */
  public List<String> problems() {
    List<String> p = new ArrayList<>();
    check(p, dataDir != null && !dataDir.isBlank(), "dataDir", "must not be empty");
    check(p, !server.host().isBlank(), "server.host", "must not be empty");
    check(p, server.port() >= 0 && server.port() <= 65535, "server.port", range(0, 65535));
    check(p, server.maxBodyBytes() >= 1024, "server.maxBodyBytes", "must be at least 1024");
    check(
        p,
        server.maxHeaderBytes() >= 1024 && server.maxHeaderBytes() <= 1_048_576,
        "server.maxHeaderBytes",
        range(1024, 1_048_576));
    check(p, server.rateLimit() >= 0, "server.rateLimit", "must not be negative (0: no limit)");
    check(p, server.rateBurst() >= 1, "server.rateBurst", "must be at least 1");
    check(p, !sqlite.path().isBlank(), "sqlite.path", "must not be empty");
    check(
        p,
        JOURNAL_MODES.contains(sqlite.journalMode()),
        "sqlite.journalMode",
        "must be one of " + JOURNAL_MODES);
    check(
        p,
        SYNC_MODES.contains(sqlite.synchronous()),
        "sqlite.synchronous",
        "must be one of " + SYNC_MODES);
    check(p, sqlite.poolSize() >= 1 && sqlite.poolSize() <= 64, "sqlite.poolSize", range(1, 64));
    check(
        p,
        !postgres.enabled() || postgres.url().startsWith("jdbc:postgresql:"),
        "postgres.url",
        "must start with jdbc:postgresql:");
    check(
        p,
        postgres.poolSize() >= 1 && postgres.poolSize() <= 200,
        "postgres.poolSize",
        range(1, 200));
    check(
        p,
        postgres.schema().matches("[A-Za-z_][A-Za-z0-9_]{0,62}"),
        "postgres.schema",
        "must be a plain SQL identifier");
    check(p, redis.port() >= 1 && redis.port() <= 65535, "redis.port", range(1, 65535));
    check(p, redis.maxRetries() >= 0, "redis.maxRetries", "must not be negative");
    checkCache(p);
    check(p, ml.batchSize() >= 1, "ml.batchSize", "must be at least 1");
    check(p, ml.threshold() >= 0 && ml.threshold() <= 1, "ml.threshold", "must be within 0..1");
    check(p, !ml.updatePeriod().isNegative(), "ml.updatePeriod", "must not be negative");
    check(p, ml.timeout().toMillis() >= 1, "ml.timeout", "must be at least 1ms");
    check(
        p,
        ml.breakerFailureRate() > 0 && ml.breakerFailureRate() <= 100,
        "ml.breakerFailureRate",
        "must be a percentage within 0..100");
    check(p, ml.breakerMinimumCalls() >= 1, "ml.breakerMinimumCalls", "must be at least 1");
    check(
        p,
        monitoring.metricsPort() >= 0 && monitoring.metricsPort() <= 65535,
        "monitoring.metricsPort",
        range(0, 65535) + " (0 serves metrics on the main port only)");
    check(
        p,
        LOG_LEVELS.contains(monitoring.logLevel()),
        "monitoring.logLevel",
        "must be one of " + LOG_LEVELS);
    check(
        p,
        security.maxValueBytes() >= 16 && security.maxValueBytes() <= 16 * 1_048_576,
        "security.maxValueBytes",
        range(16, 16 * 1_048_576));
    check(
        p,
        security.maxContextFields() >= 1 && security.maxContextFields() <= 64,
        "security.maxContextFields",
        range(1, 64));
    check(p, backup.retention() >= 1, "backup.retention", "must be at least 1");
    return p;
  }

  private void checkCache(List<String> p) {
    check(p, positive(redis.retryDelay()), "redis.retryDelay", "must be positive");
    check(p, positive(redis.timeout()), "redis.timeout", "must be positive");
    check(
        p,
        redis.keyPrefix().matches("[A-Za-z0-9._:-]{0,64}"),
        "redis.keyPrefix",
        "must be at most 64 characters of A-Z a-z 0-9 . _ : -");
    check(p, redis.ttl().toMillis() >= 1000, "redis.ttl", "must be at least 1s");
    check(
        p,
        redis.maxTtl().compareTo(redis.ttl()) >= 0,
        "redis.maxTtl",
        "must be at least redis.ttl (" + DurationText.format(redis.ttl()) + ")");
    check(p, positive(redis.negativeTtl()), "redis.negativeTtl", "must be positive");
    check(p, redis.statsTtl().toMillis() >= 1000, "redis.statsTtl", "must be at least 1s");
    check(p, redis.modelTtl().toMillis() >= 1000, "redis.modelTtl", "must be at least 1s");
    check(
        p,
        redis.l1MaxBytes() == 0
            || (redis.l1MaxBytes() >= 1L << 16 && redis.l1MaxBytes() <= 1L << 36),
        "redis.l1MaxBytes",
        "must be 0 (L1 off) or between 65536 and 68719476736 bytes (64 KiB to 64 GiB)");
    check(p, positive(redis.l1Ttl()), "redis.l1Ttl", "must be positive");
    check(
        p,
        redis.breakerFailureRate() > 0 && redis.breakerFailureRate() <= 100,
        "redis.breakerFailureRate",
        "must be a percentage above 0 and at most 100");
    check(p, positive(redis.breakerSlowCall()), "redis.breakerSlowCall", "must be positive");
    check(p, positive(redis.breakerWaitInOpen()), "redis.breakerWaitInOpen", "must be positive");
    check(
        p,
        redis.breakerMinimumCalls() >= 1 && redis.breakerMinimumCalls() <= 10_000,
        "redis.breakerMinimumCalls",
        range(1, 10_000));
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static String range(int lo, int hi) {
    return "must be between " + lo + " and " + hi;
  }

  private static void check(List<String> problems, boolean ok, String path, String rule) {
    if (!ok) {
      problems.add(path + ": " + rule);
    }
  }
}
