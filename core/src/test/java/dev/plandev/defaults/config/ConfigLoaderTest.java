package dev.plandev.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void noFile_givesTheEmbeddedDefault() {
    LoadedConfig c = new ConfigLoader(dir, Map.of()).load(null);
    assertThat(c.file()).isNull();
    assertThat(c.config()).isEqualTo(PlandevConfig.defaults());
    assertThat(c.config().resolve(c.config().sqlite().path()))
        .isEqualTo(Path.of("data/defaults.db"));
    assertThat(c.config().server().host()).isEqualTo("127.0.0.1");
    assertThat(c.config().redis().enabled()).isFalse();
    assertThat(c.sources()).containsEntry("sqlite.path", "default");
  }

  @Test
  void layers_fileThenEnvThenFlags() throws Exception {
    Files.writeString(
        dir.resolve("plandev.json"),
        "{\"ml\": {\"updatePeriod\": \"12h\", \"batchSize\": 10}, \"server\": {\"port\": 1000}}");
    LoadedConfig c =
        new ConfigLoader(
                dir,
                Map.of(
                    "PLANDEV_ML_BATCHSIZE",
                    "20",
                    "PLANDEV_SERVER_PORT",
                    "2000",
                    "PLANDEV_HOME",
                    "/x"))
            .load(null, Map.of("server.port", "3000"), Map.of("server.port", "--port"));
    assertThat(c.config().ml().updatePeriod()).isEqualTo(Duration.ofHours(12));
    assertThat(c.config().ml().batchSize()).isEqualTo(20);
    assertThat(c.config().server().port()).isEqualTo(3000);
    assertThat(c.sources().get("ml.updatePeriod")).startsWith("file ");
    assertThat(c.sources()).containsEntry("ml.batchSize", "env PLANDEV_ML_BATCHSIZE");
    assertThat(c.sources()).containsEntry("server.port", "flag --port");
  }

  @Test
  void yamlFile_andExplicitPath() throws Exception {
    Path f = dir.resolve("conf/custom.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(f, "redis:\n  enabled: true\n  retryDelay: 250ms\n");
    PlandevConfig c = new ConfigLoader(dir, Map.of()).load(f).config();
    assertThat(c.redis().enabled()).isTrue();
    assertThat(c.redis().retryDelay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void unknownKeysAndBadValues_areRefusedWithThePath() throws Exception {
    Files.writeString(dir.resolve("plandev.yaml"), "sqlite:\n  journalMode: WAL\n  cache: 3\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown key 'sqlite.cache'")
        .hasMessageContaining("plandev.yaml");
    Files.writeString(dir.resolve("plandev.yaml"), "nosuchsection:\n  a: 1\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .hasMessageContaining("unknown key 'nosuchsection'");
    Files.writeString(dir.resolve("plandev.yaml"), "ml:\n  updatePeriod: soon\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .hasMessageContaining("ml.updatePeriod")
        .hasMessageContaining("'soon'");
    Files.writeString(dir.resolve("plandev.yaml"), "server:\n  port: 70000\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .hasMessageContaining("server.port: must be between 0 and 65535")
        .hasMessageContaining("from file");
    Files.writeString(dir.resolve("plandev.yaml"), "server: [1, 2]\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .hasMessageContaining("'server'")
        .hasMessageContaining("must be a section");
  }

  @Test
  void envVariable_naming_aMissingKey_ofAKnownSection_isRefused() {
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of("PLANDEV_SQLITE_PTH", "x")).load(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PLANDEV_SQLITE_PTH")
        .hasMessageContaining("its keys are path");
  }

  /** The backup section is set like any other, in every layer, and checked at start. */
  @Test
  void backupSettings_areReadFromEveryLayer_andChecked() throws Exception {
    Files.writeString(
        dir.resolve("plandev.yaml"),
        "backup:\n  dir: /srv/backups\n  fullSchedule: '0 2 * * 1'\n  fullRetention: 30d\n");
    PlandevConfig c =
        new ConfigLoader(dir, Map.of("PLANDEV_BACKUP_ZSTD_LEVEL", "9"))
            .load(null, Map.of("backup.diskWarnRatio", "0.7"), Map.of("backup.diskWarnRatio", "-o"))
            .config();
    assertThat(c.backup().dir()).isEqualTo("/srv/backups");
    assertThat(c.backup().fullSchedule()).isEqualTo("0 2 * * 1");
    assertThat(c.backup().fullRetention()).isEqualTo(java.time.Duration.ofDays(30));
    assertThat(c.backup().zstdLevel()).isEqualTo(9);
    assertThat(c.backup().diskWarnRatio()).isEqualTo(0.7);
    assertThat(c.backup().verifySchedule()).isEqualTo("30 5 * * *");
    assertThat(c.backupPath()).isEqualTo(java.nio.file.Path.of("/srv/backups"));

    Files.writeString(
        dir.resolve("plandev.yaml"),
        "backup:\n  fullSchedule: every sunday\n  zstdLevel: 40\n  diskCriticalRatio: 0.5\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("backup.fullSchedule")
        .hasMessageContaining("every sunday")
        .hasMessageContaining("write five fields, minute hour day month weekday")
        .hasMessageContaining("backup.zstdLevel")
        .hasMessageContaining("between 1 and 19")
        .hasMessageContaining("backup.diskCriticalRatio")
        .hasMessageContaining("plandev.yaml");
  }

  @Test
  void backupDefaults_areThePlansSchedule() throws Exception {
    BackupSettings b = new ConfigLoader(dir, Map.of()).load(null).config().backup();
    assertThat(b.fullSchedule()).isEqualTo("0 3 * * 0");
    assertThat(b.fullRetention()).isEqualTo(java.time.Duration.ofDays(90));
    assertThat(b.incrementalSchedule()).isEqualTo("0 */6 * * *");
    assertThat(b.incrementalRetention()).isEqualTo(java.time.Duration.ofDays(7));
    assertThat(b.zstdLevel()).isEqualTo(3);
    assertThat(b.diskWarnRatio()).isEqualTo(0.8);
    assertThat(b.diskCriticalRatio()).isEqualTo(0.9);
  }

  @Test
  void twoConfigFiles_areAmbiguous() throws Exception {
    Files.writeString(dir.resolve("plandev.json"), "{}");
    Files.writeString(dir.resolve("plandev.yaml"), "{}");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .hasMessageContaining("several configuration files");
  }

  @Test
  void secrets_areMaskedInTheSettings() {
    LoadedConfig c =
        new ConfigLoader(
                dir,
                Map.of("PLANDEV_POSTGRES_PASSWORD", "pw", "PLANDEV_SECURITY_ENCRYPTION_KEY", "k"))
            .load(null);
    assertThat(c.settings())
        .filteredOn(
            s -> s.path().equals("postgres.password") || s.path().equals("security.encryptionKey"))
        .allSatisfy(s -> assertThat(s.value()).isEqualTo("****"));
  }

  @Test
  void durations_readAndWriteAsPeopleDo() {
    assertThat(DurationText.parse("24h")).isEqualTo(Duration.ofHours(24));
    assertThat(DurationText.parse("100ms")).isEqualTo(Duration.ofMillis(100));
    assertThat(DurationText.parse("PT1M")).isEqualTo(Duration.ofMinutes(1));
    assertThat(DurationText.parse("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(DurationText.format(Duration.ofHours(48))).isEqualTo("2d");
    assertThat(DurationText.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThatThrownBy(() -> DurationText.parse("later")).hasMessageContaining("500ms, 30s");
  }
}
