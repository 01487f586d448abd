package dev.plandev.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration that exists is valid: construction checks every section at once. */
class PlandevConfigTest {
  private static final PlandevConfig DEFAULTS = PlandevConfig.defaults();

  @TempDir Path dir;

  @Test
  void defaults_areValid() {
    assertThatCode(PlandevConfig::defaults).doesNotThrowAnyException();
  }

  @Test
  void invalidConfig_throwsNamingEveryProblem_withItsValueAndWhatIsAllowed() {
    ServerSettings s = DEFAULTS.server();
    ServerSettings badPort =
        new ServerSettings(
            s.host(),
            70_000,
            s.maxBodyBytes(),
            s.maxHeaderBytes(),
            s.shutdownTimeout(),
            s.rateLimit(),
            s.rateBurst(),
            s.corsOrigins(),
            s.vacuumSchedule(),
            s.expirySchedule(),
            s.planRoots(),
            s.sessionTimeout());
    SqliteSettings q = DEFAULTS.sqlite();
    SqliteSettings badJournal =
        new SqliteSettings(q.path(), "FAST", q.synchronous(), q.busyTimeout(), q.poolSize(), false);
    SecuritySettings c = DEFAULTS.security();
    SecuritySettings noContext =
        new SecuritySettings(c.encryptionKey(), c.keyFile(), c.maxValueBytes(), 0, c.adminKey());

    assertThatThrownBy(
            () ->
                new PlandevConfig(
                    " ",
                    badPort,
                    badJournal,
                    DEFAULTS.postgres(),
                    DEFAULTS.redis(),
                    DEFAULTS.ml(),
                    DEFAULTS.monitoring(),
                    noContext,
                    DEFAULTS.backup()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid configuration: dataDir: must not be empty; got ' '; "
                + "server.port: must be between 0 and 65535; got '70000'; "
                + "sqlite.journalMode: must be one of WAL, DELETE, TRUNCATE, PERSIST, MEMORY, OFF;"
                + " got 'FAST'; "
                + "security.maxContextFields: must be between 1 and 64; got '0'")
        .extracting(e -> ((ConfigException) e).problems())
        .asList()
        .hasSize(4);
  }

  @Test
  void withCopy_thatBreaksARule_throws() {
    assertThatThrownBy(() -> DEFAULTS.withDataDir(""))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid configuration: dataDir: must not be empty; got ''");
    PostgresSettings pg = DEFAULTS.postgres();
    PostgresSettings mysql =
        new PostgresSettings(
            true, "jdbc:mysql://db/plandev", pg.user(), pg.password(), "1st", pg.poolSize());
    assertThatThrownBy(() -> DEFAULTS.withPostgres(mysql))
        .isInstanceOf(ConfigException.class)
        .hasMessageContainingAll(
            "postgres.url: must start with jdbc:postgresql:; got 'jdbc:mysql://db/plandev'",
            "postgres.schema: must be a plain SQL identifier; got '1st'");
  }

  @Test
  void withCopy_thatKeepsTheRules_changesOnlyItsSection() {
    PlandevConfig moved = DEFAULTS.withDataDir("elsewhere");
    assertThat(moved.dataDir()).isEqualTo("elsewhere");
    assertThat(moved.withDataDir("data")).isEqualTo(DEFAULTS);
  }

  @Test
  void loadedProblems_nameTheLayerThatSetEachValue() throws Exception {
    Files.writeString(dir.resolve("plandev.yaml"), "ml:\n  threshold: 2\n");
    ConfigLoader loader = new ConfigLoader(dir, Map.of("PLANDEV_SQLITE_POOL_SIZE", "0"));
    assertThatThrownBy(
            () ->
                loader.load(null, Map.of("redis.ttl", "500ms"), Map.of("redis.ttl", "--cache-ttl")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContainingAll(
            "sqlite.poolSize: must be between 1 and 64; got '0' (from env PLANDEV_SQLITE_POOL_SIZE)",
            "redis.ttl: must be at least 1s; got '500ms' (from flag --cache-ttl)",
            "ml.threshold: must be within 0..1; got '2.0' (from file "
                + dir.resolve("plandev.yaml"));
  }

  @Test
  void aSettingWrittenAsNull_isRefusedAsUnset() throws Exception {
    Files.writeString(dir.resolve("plandev.yaml"), "monitoring:\n  logLevel: null\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            "monitoring.logLevel: must be one of trace, debug, info, warn, error; got nothing");
  }

  @Test
  void aSecretValue_isNeverShownInAProblem() {
    assertThat(new ConfigProblem("redis.password", "hunter2", "must be short").toString())
        .doesNotContain("hunter2")
        .startsWith("redis.password: must be short; got ");
    assertThat(new ConfigProblem("ml.timeout", Duration.ZERO, "must be at least 1ms").toString())
        .isEqualTo("ml.timeout: must be at least 1ms; got '0s'");
  }
}
