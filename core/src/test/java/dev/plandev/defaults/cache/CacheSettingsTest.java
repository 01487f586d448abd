package dev.plandev.defaults.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.ConfigException;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.RedisSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache's settings as people write them: in the file and in environment variables. */
class CacheSettingsTest {
  @TempDir Path dir;

  @Test
  void fileAndEnvironment_setTheCache() throws Exception {
    Files.writeString(
        dir.resolve("plandev.yaml"),
        "redis:\n  enabled: true\n  l1Ttl: 30s\n  maxTtl: 8h\n  keyPrefix: 'staging:'\n");
    RedisSettings r =
        new ConfigLoader(
                dir,
                Map.of(
                    "PLANDEV_REDIS_BREAKER_FAILURE_RATE", "50",
                    "PLANDEV_REDIS_L1_MAX_BYTES", "0"))
            .load(null)
            .config()
            .redis();
    assertThat(r.enabled()).isTrue();
    assertThat(r.l1Ttl()).isEqualTo(Duration.ofSeconds(30));
    assertThat(r.maxTtl()).isEqualTo(Duration.ofHours(8));
    assertThat(r.keyPrefix()).isEqualTo("staging:");
    assertThat(r.breakerFailureRate()).isEqualTo(50.0);
    assertThat(r.l1MaxBytes()).isZero();
    assertThat(r.ttl()).isEqualTo(Duration.ofSeconds(3600));
    assertThat(r.breakerSlowCall()).isEqualTo(Duration.ofSeconds(2));
    assertThat(r.breakerWaitInOpen()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void maxTtlBelowTtl_isRefusedWithItsSource() throws Exception {
    Files.writeString(dir.resolve("plandev.yaml"), "redis:\n  ttl: 2h\n  maxTtl: 1h\n");
    assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("redis.maxTtl: must be at least redis.ttl (2h)")
        .hasMessageContaining("plandev.yaml");
  }

  /**
   * The lifetimes of the Redis copies of usage statistics (db 1) and ranking models (db 2) went
   * with those copies: a file that still sets one is told so, as with any unknown setting.
   */
  @Test
  void removedSettingsOfStatsAndModelsInRedis_areRefused() throws Exception {
    for (String setting : new String[] {"statsTtl", "modelTtl"}) {
      Files.writeString(dir.resolve("plandev.yaml"), "redis:\n  " + setting + ": 1h\n");
      assertThatThrownBy(() -> new ConfigLoader(dir, Map.of()).load(null))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("unknown key 'redis." + setting + "'")
          .hasMessageContaining("plandev.yaml");
    }
  }
}
