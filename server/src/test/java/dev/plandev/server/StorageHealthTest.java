package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.testing.ImmutableFiles;
import java.io.RandomAccessFile;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health} is not UP while the store cannot write or its file is damaged: each is a check of
 * its own, DOWN with a plain explanation for callers with a key.
 */
class StorageHealthTest {
  @TempDir Path dir;

  static String entry(String key) {
    return "{\"key\":\"" + key + "\",\"value\":\"v\"}";
  }

  @Test
  void writesFailing_onAReadOnlyFile_showInHealth_untilAWriteSucceeds() throws Exception {
    try (ServerFixture f = new ServerFixture(dir);
        ImmutableFiles immutable = new ImmutableFiles()) {
      assertThat(f.post("/api/v1/defaults", f.editor, entry("a")).statusCode()).isEqualTo(201);
      assertThat(f.body(f.get("/health", f.reader)).get("status").asText()).isEqualTo("UP");

      immutable.make(dir.resolve("defaults.db"));
      immutable.make(dir.resolve("defaults.db-wal"));
      HttpResponse<String> failed = f.post("/api/v1/defaults", f.editor, entry("b"));
      assertThat(failed.statusCode()).isEqualTo(503);
      assertThat(failed.body())
          .doesNotContain("no transaction")
          .as("the 503 says what is wrong with the storage, without its path")
          .containsAnyOf("the database is read-only", "the disk reports errors")
          .doesNotContain(dir.toString());

      JsonNode health = f.body(f.get("/health", f.reader));
      assertThat(health.get("status").asText()).isNotEqualTo("UP");
      assertThat(health.at("/checks/writes/status").asText()).isEqualTo("DOWN");
      assertThat(health.at("/checks/writes/detail").asText())
          .contains("defaults.db")
          .contains("read-only")
          .contains("writable");
      assertThat(health.at("/checks/writes/failedAt").asText()).isNotEmpty();
      JsonNode open = f.body(f.get("/health", null));
      assertThat(open.at("/checks/writes/status").asText()).isEqualTo("DOWN");
      assertThat(open.at("/checks/writes").has("detail")).isFalse();

      immutable.undo();
      assertThat(f.post("/api/v1/defaults", f.editor, entry("b")).statusCode()).isEqualTo(201);
      JsonNode healed = f.body(f.get("/health", f.reader));
      assertThat(healed.at("/checks/writes/status").asText()).isEqualTo("UP");
      assertThat(healed.get("status").asText()).isEqualTo("UP");
    }
  }

  @Test
  void damagedDatabaseFile_showsInHealth() throws Exception {
    try (SmartDefaults d =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(dir.toString()), Clock.systemUTC())) {
      for (int i = 0; i < 400; i++) {
        d.store().put(DefaultSpec.of("key." + i, "v"), Actor.of("t"));
      }
    }
    Path db = dir.resolve("defaults.db");
    long page;
    long pageSize;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_master"
                        + " WHERE type = 'index' AND tbl_name = 'default_values'"
                        + " ORDER BY rootpage LIMIT 1")) {
      rs.next();
      page = rs.getLong(1);
      pageSize = rs.getLong(2);
    }
    // Garbage over one index page, as a failing disk or a stray write leaves it: the service
    // starts (its own writes touch other pages) and nothing fails until that index is read.
    byte[] garbage = new byte[(int) pageSize];
    Arrays.fill(garbage, (byte) 0x5a);
    try (RandomAccessFile file = new RandomAccessFile(db.toFile(), "rw")) {
      file.seek((page - 1) * pageSize);
      file.write(garbage);
    }

    try (ServerFixture f = new ServerFixture(dir)) {
      JsonNode health = f.body(f.get("/health", f.reader));
      assertThat(health.get("status").asText()).isNotEqualTo("UP");
      assertThat(health.at("/checks/integrity/status").asText()).isEqualTo("DOWN");
      assertThat(health.at("/checks/integrity/detail").asText())
          .contains("defaults.db")
          .contains("damaged")
          .contains("backup");
    }
  }
}
