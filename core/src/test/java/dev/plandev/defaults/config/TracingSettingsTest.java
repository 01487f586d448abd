package dev.plandev.defaults.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code monitoring.tracing.*}: off by default, set like any other setting (file, environment,
 * flags) and checked like them.
 */
class TracingSettingsTest {
  @TempDir Path dir;

  private PlandevConfig load(Map<String, String> env, Map<String, String> flags) {
    return new ConfigLoader(dir, env).load(null, flags, Map.of()).config();
  }

  @Test
  void tracing_isOffByDefault() {
    TracingSettings t = PlandevConfig.defaults().monitoring().tracing();
    assertThat(t.enabled()).isFalse();
    assertThat(t.endpoint()).isEqualTo("http://127.0.0.1:4318/v1/traces");
    assertThat(t.samplerRatio()).isEqualTo(1.0);
    assertThat(t.serviceName()).isEqualTo("plandev");
  }

  @Test
  void environment_setsNestedSettings() {
    TracingSettings t =
        load(
                Map.of(
                    "PLANDEV_MONITORING_TRACING_ENABLED", "true",
                    "PLANDEV_MONITORING_TRACING_SAMPLER_RATIO", "0.25",
                    "PLANDEV_MONITORING_TRACING_SERVICE_NAME", "defaults-eu"),
                Map.of())
            .monitoring()
            .tracing();
    assertThat(t.enabled()).isTrue();
    assertThat(t.samplerRatio()).isEqualTo(0.25);
    assertThat(t.serviceName()).isEqualTo("defaults-eu");
  }

  @Test
  void fileAndFlags_setNestedSettings_andSayWhereFrom() throws Exception {
    Files.writeString(
        dir.resolve("plandev.yaml"),
        "monitoring:\n  tracing:\n    enabled: true\n    endpoint: http://collector:4318/v1/traces\n");
    LoadedConfig loaded =
        new ConfigLoader(dir, Map.of())
            .load(null, Map.of("monitoring.tracing.samplerRatio", "0.5"), Map.of());
    TracingSettings t = loaded.config().monitoring().tracing();
    assertThat(t.enabled()).isTrue();
    assertThat(t.endpoint()).isEqualTo("http://collector:4318/v1/traces");
    assertThat(t.samplerRatio()).isEqualTo(0.5);
    assertThat(loaded.sources().get("monitoring.tracing.endpoint")).startsWith("file ");
    assertThat(loaded.sources().get("monitoring.tracing.samplerRatio")).startsWith("flag ");
  }

  @Test
  void badValues_areRefused_namingTheSettingAndWhatIsAllowed() {
    assertThatThrownBy(
            () ->
                load(
                    Map.of(
                        "PLANDEV_MONITORING_TRACING_ENDPOINT", "collector:4318",
                        "PLANDEV_MONITORING_TRACING_SAMPLER_RATIO", "1.5",
                        "PLANDEV_MONITORING_TRACING_SERVICE_NAME", ""),
                    Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("monitoring.tracing.endpoint")
        .hasMessageContaining("http:// or https:// URL")
        .hasMessageContaining("monitoring.tracing.samplerRatio")
        .hasMessageContaining("within 0..1")
        .hasMessageContaining("monitoring.tracing.serviceName");
  }

  @Test
  void unknownNestedVariable_isRefused_withTheKeysThatExist() {
    assertThatThrownBy(() -> load(Map.of("PLANDEV_MONITORING_TRACING_COLOUR", "blue"), Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("PLANDEV_MONITORING_TRACING_COLOUR")
        .hasMessageContaining("tracing");
  }
}
