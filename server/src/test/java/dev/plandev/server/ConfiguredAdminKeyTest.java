package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code security.adminKey}: a key the operator holds (a Kubernetes Secret, say) that every
 * instance accepts as an admin from its start, without a key being printed and copied (restarts and
 * revocation: {@code ApiKeysContract}).
 */
class ConfiguredAdminKeyTest {
  private static final String KEY = "pdk_" + "Op3rator".repeat(4);

  @TempDir Path dir;

  @Test
  void configuredKey_isAnAdminFromTheStart_registeredOnce() {
    try (ServerFixture f = new ServerFixture(dir, Map.of("security.adminKey", KEY))) {
      var keys = f.get("/api/v1/api-keys", KEY);
      assertThat(keys.statusCode()).as("an admin-only route").isEqualTo(200);
      assertThat(f.body(keys).toString()).containsOnlyOnce("configured-").doesNotContain(KEY);
    }
  }

  @Test
  void malformedKey_isRefusedAtLoad_withoutShowingIt() {
    assertThatThrownBy(() -> new ServerFixture(dir, Map.of("security.adminKey", "pdk_secret")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("security.adminKey")
        .hasMessageContaining("pdk_ and 32 letters or digits")
        .hasMessageNotContaining("pdk_secret");
  }
}
