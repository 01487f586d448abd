package dev.plandev.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setting people can write, pinned: its path, its default, the environment variable that sets
 * it and the message a broken value gets, so reshaping the configuration's classes cannot rename,
 * drop or change one unnoticed.
 */
class ConfigSurfaceTest {
  @TempDir Path dir;

  @Test
  void everySetting_keepsItsPathAndDefault() {
    String shown =
        new ConfigLoader(dir, Map.of())
            .load(null).settings().stream()
                .map(s -> s.path() + "=" + s.value())
                .collect(Collectors.joining("\n"));
    assertThat(shown).isEqualTo(DEFAULTS);
  }

  @Test
  void everySetting_isSetByItsEnvironmentVariable() {
    Map<String, String> env = new LinkedHashMap<>();
    for (LoadedConfig.Setting s : new ConfigLoader(dir, Map.of()).load(null).settings()) {
      env.put(envName(s.path()), s.path().contains("assword") ? "" : s.value());
    }
    LoadedConfig loaded = new ConfigLoader(dir, env).load(null);
    assertThat(loaded.settings())
        .allSatisfy(s -> assertThat(s.source()).isEqualTo("env " + envName(s.path())));
  }

  @Test
  void everyRule_keepsItsMessage() {
    Map<String, String> env = new LinkedHashMap<>();
    BROKEN.forEach((path, value) -> env.put(envName(path), value));
    assertThatThrownBy(() -> new ConfigLoader(dir, env).load(null))
        .isInstanceOf(ConfigException.class)
        .extracting(Throwable::getMessage)
        .asString()
        .isEqualTo(BROKEN_MESSAGE);
  }

  /** {@code redis.l1MaxBytes} is {@code PLANDEV_REDIS_L1_MAX_BYTES}. */
  static String envName(String path) {
    return "PLANDEV_"
        + path.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  private static final String DEFAULTS =
      """
      dataDir=data
      server.host=127.0.0.1
      server.port=8080
      server.maxBodyBytes=1048576
      server.maxHeaderBytes=16384
      server.shutdownTimeout=20s
      server.rateLimit=500
      server.rateBurst=1000
      server.corsOrigins=
      server.vacuumSchedule=0 4 * * 0
      server.expirySchedule=17 * * * *
      server.planRoots=.
      server.sessionTimeout=8h
      sqlite.path=defaults.db
      sqlite.journalMode=WAL
      sqlite.synchronous=NORMAL
      sqlite.busyTimeout=5s
      sqlite.poolSize=4
      sqlite.allowLostWrites=false
      postgres.enabled=false
      postgres.url=jdbc:postgresql://127.0.0.1:5432/plandev
      postgres.user=plandev
      postgres.password=
      postgres.schema=public
      postgres.poolSize=10
      redis.enabled=false
      redis.host=127.0.0.1
      redis.port=6379
      redis.password=
      redis.maxRetries=3
      redis.retryDelay=100ms
      redis.timeout=2s
      redis.keyPrefix=
      redis.ttl=1h
      redis.maxTtl=4h
      redis.negativeTtl=10s
      redis.l1MaxBytes=100663296
      redis.l1Ttl=1m
      redis.breakerFailureRate=25.0
      redis.breakerSlowCall=2s
      redis.breakerWaitInOpen=30s
      redis.breakerMinimumCalls=20
      ml.enabled=true
      ml.modelPath=model
      ml.updatePeriod=1d
      ml.batchSize=1000
      ml.threshold=0.8
      ml.timeout=250ms
      ml.breakerFailureRate=50.0
      ml.breakerWaitInOpen=30s
      ml.breakerMinimumCalls=10
      monitoring.enabled=true
      monitoring.metricsPort=0
      monitoring.logLevel=info
      monitoring.logDir=logs
      monitoring.tracing.enabled=false
      monitoring.tracing.endpoint=http://127.0.0.1:4318/v1/traces
      monitoring.tracing.samplerRatio=1.0
      monitoring.tracing.serviceName=plandev
      security.encryptionKey=
      security.keyFile=secret.key
      security.maxValueBytes=65536
      security.maxContextFields=16
      security.adminKey=
      backup.enabled=true
      backup.dir=backups
      backup.fullSchedule=0 3 * * 0
      backup.fullRetention=90d
      backup.incrementalSchedule=0 */6 * * *
      backup.incrementalRetention=7d
      backup.verifySchedule=30 5 * * *
      backup.zstdLevel=3
      backup.diskWarnRatio=0.8
      backup.diskCriticalRatio=0.9""";

  private static final Map<String, String> BROKEN = new LinkedHashMap<>();

  static {
    BROKEN.put("dataDir", " ");
    BROKEN.put("server.host", "");
    BROKEN.put("server.port", "70000");
    BROKEN.put("server.maxBodyBytes", "10");
    BROKEN.put("server.maxHeaderBytes", "10");
    BROKEN.put("server.rateLimit", "-1");
    BROKEN.put("server.rateBurst", "0");
    BROKEN.put("server.planRoots", "");
    BROKEN.put("server.sessionTimeout", "10s");
    BROKEN.put("sqlite.path", "");
    BROKEN.put("sqlite.journalMode", "FAST");
    BROKEN.put("sqlite.synchronous", "SOMETIMES");
    BROKEN.put("sqlite.poolSize", "0");
    BROKEN.put("postgres.enabled", "true");
    BROKEN.put("postgres.url", "jdbc:mysql://x");
    BROKEN.put("postgres.poolSize", "0");
    BROKEN.put("postgres.schema", "1bad");
    BROKEN.put("redis.port", "0");
    BROKEN.put("redis.maxRetries", "-1");
    BROKEN.put("redis.retryDelay", "0s");
    BROKEN.put("redis.timeout", "0s");
    BROKEN.put("redis.keyPrefix", "a b");
    BROKEN.put("redis.ttl", "500ms");
    BROKEN.put("redis.maxTtl", "100ms");
    BROKEN.put("redis.negativeTtl", "0s");
    BROKEN.put("redis.l1MaxBytes", "10");
    BROKEN.put("redis.l1Ttl", "0s");
    BROKEN.put("redis.breakerFailureRate", "0");
    BROKEN.put("redis.breakerSlowCall", "0s");
    BROKEN.put("redis.breakerWaitInOpen", "0s");
    BROKEN.put("redis.breakerMinimumCalls", "0");
    BROKEN.put("ml.batchSize", "0");
    BROKEN.put("ml.threshold", "2");
    BROKEN.put("ml.updatePeriod", "PT-1S");
    BROKEN.put("ml.timeout", "0s");
    BROKEN.put("ml.breakerFailureRate", "101");
    BROKEN.put("ml.breakerMinimumCalls", "0");
    BROKEN.put("monitoring.metricsPort", "-1");
    BROKEN.put("monitoring.logLevel", "loud");
    BROKEN.put("monitoring.tracing.endpoint", "ftp://x");
    BROKEN.put("monitoring.tracing.samplerRatio", "1.5");
    BROKEN.put("monitoring.tracing.serviceName", "");
    BROKEN.put("security.maxValueBytes", "1");
    BROKEN.put("security.maxContextFields", "0");
    BROKEN.put("security.adminKey", "not-a-key");
    BROKEN.put("backup.dir", "");
    BROKEN.put("backup.fullSchedule", "weekly");
    BROKEN.put("backup.incrementalSchedule", "* * *");
    BROKEN.put("backup.verifySchedule", "61 * * * *");
    BROKEN.put("backup.fullRetention", "1m");
    BROKEN.put("backup.incrementalRetention", "1m");
    BROKEN.put("backup.zstdLevel", "20");
    BROKEN.put("backup.diskWarnRatio", "0.95");
    BROKEN.put("backup.diskCriticalRatio", "0.9");
  }

  private static final String BROKEN_MESSAGE =
      "invalid configuration: dataDir: must not be empty; got ' ' (from env PLANDEV_DATA_DIR); "
          + "server.host: must not be empty; got '' (from env PLANDEV_SERVER_HOST); "
          + "server.port: must be between 0 and 65535; got '70000' (from env PLANDEV_SERVER_PORT); "
          + "server.maxBodyBytes: must be at least 1024; got '10' (from env PLANDEV_SERVER_MAX_BODY_BYTES); "
          + "server.maxHeaderBytes: must be between 1024 and 1048576; got '10' (from env PLANDEV_SERVER_MAX_HEADER_BYTES); "
          + "server.rateLimit: must not be negative (0: no limit); "
          + "got '-1' (from env PLANDEV_SERVER_RATE_LIMIT); "
          + "server.rateBurst: must be at least 1; got '0' (from env PLANDEV_SERVER_RATE_BURST); "
          + "server.planRoots: must not be empty; got '' (from env PLANDEV_SERVER_PLAN_ROOTS); "
          + "server.sessionTimeout: must be at least 1m; got '10s' (from env PLANDEV_SERVER_SESSION_TIMEOUT); "
          + "sqlite.path: must not be empty; got '' (from env PLANDEV_SQLITE_PATH); "
          + "sqlite.journalMode: must be one of WAL, DELETE, TRUNCATE, PERSIST, MEMORY, OFF; got 'FAST' (from env PLANDEV_SQLITE_JOURNAL_MODE); "
          + "sqlite.synchronous: must be one of OFF, NORMAL, FULL, EXTRA; got 'SOMETIMES' (from env PLANDEV_SQLITE_SYNCHRONOUS); "
          + "sqlite.poolSize: must be between 1 and 64; got '0' (from env PLANDEV_SQLITE_POOL_SIZE); "
          + "postgres.url: must start with jdbc:postgresql:; got 'jdbc:mysql://x' (from env PLANDEV_POSTGRES_URL); "
          + "postgres.poolSize: must be between 1 and 200; got '0' (from env PLANDEV_POSTGRES_POOL_SIZE); "
          + "postgres.schema: must be a plain SQL identifier; got '1bad' (from env PLANDEV_POSTGRES_SCHEMA); "
          + "redis.port: must be between 1 and 65535; got '0' (from env PLANDEV_REDIS_PORT); "
          + "redis.maxRetries: must not be negative; got '-1' (from env PLANDEV_REDIS_MAX_RETRIES); "
          + "redis.retryDelay: must be positive; got '0s' (from env PLANDEV_REDIS_RETRY_DELAY); "
          + "redis.timeout: must be positive; got '0s' (from env PLANDEV_REDIS_TIMEOUT); "
          + "redis.keyPrefix: must be at most 64 characters of A-Z a-z 0-9 . _ : -; got 'a b' (from env PLANDEV_REDIS_KEY_PREFIX); "
          + "redis.ttl: must be at least 1s; got '500ms' (from env PLANDEV_REDIS_TTL); "
          + "redis.maxTtl: must be at least redis.ttl (500ms); "
          + "got '100ms' (from env PLANDEV_REDIS_MAX_TTL); "
          + "redis.negativeTtl: must be positive; got '0s' (from env PLANDEV_REDIS_NEGATIVE_TTL); "
          + "redis.l1MaxBytes: must be 0 (L1 off) or between 65536 and 68719476736 bytes (64 KiB to 64 GiB); "
          + "got '10' (from env PLANDEV_REDIS_L1_MAX_BYTES); "
          + "redis.l1Ttl: must be positive; got '0s' (from env PLANDEV_REDIS_L1_TTL); "
          + "redis.breakerFailureRate: must be a percentage above 0 and at most 100; got '0.0' (from env PLANDEV_REDIS_BREAKER_FAILURE_RATE); "
          + "redis.breakerSlowCall: must be positive; got '0s' (from env PLANDEV_REDIS_BREAKER_SLOW_CALL); "
          + "redis.breakerWaitInOpen: must be positive; got '0s' (from env PLANDEV_REDIS_BREAKER_WAIT_IN_OPEN); "
          + "redis.breakerMinimumCalls: must be between 1 and 10000; got '0' (from env PLANDEV_REDIS_BREAKER_MINIMUM_CALLS); "
          + "ml.batchSize: must be at least 1; got '0' (from env PLANDEV_ML_BATCH_SIZE); "
          + "ml.threshold: must be within 0..1; got '2.0' (from env PLANDEV_ML_THRESHOLD); "
          + "ml.updatePeriod: must not be negative; got '-1s' (from env PLANDEV_ML_UPDATE_PERIOD); "
          + "ml.timeout: must be at least 1ms; got '0s' (from env PLANDEV_ML_TIMEOUT); "
          + "ml.breakerFailureRate: must be a percentage above 0 and at most 100; got '101.0' (from env PLANDEV_ML_BREAKER_FAILURE_RATE); "
          + "ml.breakerMinimumCalls: must be at least 1; got '0' (from env PLANDEV_ML_BREAKER_MINIMUM_CALLS); "
          + "monitoring.metricsPort: must be between 0 and 65535 (0 serves metrics on the main port only); "
          + "got '-1' (from env PLANDEV_MONITORING_METRICS_PORT); "
          + "monitoring.logLevel: must be one of trace, debug, info, warn, error; got 'loud' (from env PLANDEV_MONITORING_LOG_LEVEL); "
          + "monitoring.tracing.endpoint: must be an http:// or https:// URL, such as http://127.0.0.1:4318/v1/traces; got 'ftp://x' (from env PLANDEV_MONITORING_TRACING_ENDPOINT); "
          + "monitoring.tracing.samplerRatio: must be within 0..1; got '1.5' (from env PLANDEV_MONITORING_TRACING_SAMPLER_RATIO); "
          + "monitoring.tracing.serviceName: must not be empty; got '' (from env PLANDEV_MONITORING_TRACING_SERVICE_NAME); "
          + "security.maxValueBytes: must be between 16 and 16777216; got '1' (from env PLANDEV_SECURITY_MAX_VALUE_BYTES); "
          + "security.maxContextFields: must be between 1 and 64; got '0' (from env PLANDEV_SECURITY_MAX_CONTEXT_FIELDS); "
          + "security.adminKey: must be empty or pdk_ and 32 letters or digits; got a value that is not shown (secret) (from env PLANDEV_SECURITY_ADMIN_KEY); "
          + "backup.dir: must not be empty; got '' (from env PLANDEV_BACKUP_DIR); "
          + "backup.fullSchedule: must be a schedule: write five fields, minute hour day month weekday (0 4 * * 0 is Sundays at 04:00); it has 1 field; got 'weekly' (from env PLANDEV_BACKUP_FULL_SCHEDULE); "
          + "backup.incrementalSchedule: must be a schedule: write five fields, minute hour day month weekday (0 4 * * 0 is Sundays at 04:00); it has 3 fields; got '* * *' (from env PLANDEV_BACKUP_INCREMENTAL_SCHEDULE); "
          + "backup.verifySchedule: must be a schedule: write five fields, minute hour day month weekday (0 4 * * 0 is Sundays at 04:00); 61 is not in range 0-59; got '61 * * * *' (from env PLANDEV_BACKUP_VERIFY_SCHEDULE); "
          + "backup.fullRetention: must be at least 1h; got '1m' (from env PLANDEV_BACKUP_FULL_RETENTION); "
          + "backup.incrementalRetention: must be at least 1h; got '1m' (from env PLANDEV_BACKUP_INCREMENTAL_RETENTION); "
          + "backup.zstdLevel: must be between 1 and 19; got '20' (from env PLANDEV_BACKUP_ZSTD_LEVEL); "
          + "backup.diskCriticalRatio: must be above backup.diskWarnRatio (0.95) and at most 1; got '0.9' (from env PLANDEV_BACKUP_DISK_CRITICAL_RATIO)";
}
