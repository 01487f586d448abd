package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code defaults set} keeps a secret secret unless told {@code --no-secret}. */
class SetSecretCommandTest {
  @TempDir Path dir;

  CliRun cli() {
    return new CliRun(dir);
  }

  @Test
  void set_withoutSecretFlag_overASecret_keepsItSecret() throws Exception {
    assertThat(cli().run("defaults", "set", "app.token", "old-token", "--secret").code()).isZero();
    Result r = cli().run("defaults", "set", "app.token", "new-token-123");
    assertThat(r.code()).isZero();
    assertThat(r.out()).doesNotContain("new-token-123");
    Result list = cli().run("defaults", "list", "--json");
    assertThat(list.out()).doesNotContain("new-token-123");
    JsonNode n = new ObjectMapper().readTree(list.out());
    assertThat(n.at("/items/0/secret").asBoolean()).isTrue();
    assertThat(rawValue("app.token")).startsWith("enc:v1:").doesNotContain("new-token-123");
    assertThat(cli().run("defaults", "get", "app.token").out()).isEqualTo("new-token-123\n");
  }

  @Test
  void set_noSecret_turnsASecretIntoAPlainValue() throws Exception {
    cli().run("defaults", "set", "app.token", "old-token", "--secret");
    assertThat(cli().run("defaults", "set", "app.token", "now-public", "--no-secret").code())
        .isZero();
    assertThat(rawValue("app.token")).isEqualTo("now-public");
    assertThat(cli().run("defaults", "list").out()).contains("now-public");
  }

  @Test
  void set_secretAndNoSecret_together_isAUsageError() {
    Result r = cli().run("defaults", "set", "k", "v", "--secret", "--no-secret");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--secret").contains("--no-secret");
  }

  private String rawValue(String key) throws Exception {
    String url = "jdbc:sqlite:" + cli().defaultDataDir().resolve("defaults.db").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("SELECT value FROM default_values WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getString(1);
      }
    }
  }
}
