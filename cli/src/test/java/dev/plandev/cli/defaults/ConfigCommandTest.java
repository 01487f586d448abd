package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
  @TempDir Path dir;

  @Test
  void show_saysWhereEachValueCameFrom_andMasksSecrets() throws Exception {
    Files.writeString(
        dir.resolve("plandev.yaml"),
        "sqlite:\n  busyTimeout: 10s\nredis:\n  password: hunter2\nml:\n  threshold: 0.9\n");
    Result r =
        new CliRun(dir)
            .env("PLANDEV_ML_BATCH_SIZE", "500")
            .env("PLANDEV_ML_THRESHOLD", "0.7")
            .run("-o", "server.port=9999", "config", "show");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("sqlite.busyTimeout\\s+= 10s\\s+# file .*plandev.yaml");
    assertThat(r.out()).containsPattern("ml.threshold\\s+= 0.7\\s+# env PLANDEV_ML_THRESHOLD");
    assertThat(r.out()).containsPattern("ml.batchSize\\s+= 500\\s+# env PLANDEV_ML_BATCH_SIZE");
    assertThat(r.out()).containsPattern("server.port\\s+= 9999\\s+# flag -o server.port");
    assertThat(r.out()).containsPattern("sqlite.path\\s+= defaults.db\\s+# default");
    assertThat(r.out()).contains("redis.password").contains("****").doesNotContain("hunter2");
  }

  @Test
  void badConfig_isRefusedAtStart_withThePath() throws Exception {
    Files.writeString(dir.resolve("plandev.json"), "{\"sqlite\": {\"pth\": \"x.db\"}}");
    Result r = new CliRun(dir).run("config", "show");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown key 'sqlite.pth'").contains("known keys of sqlite: path");

    Result env =
        new CliRun(dir.resolve("none")).env("PLANDEV_SERVER_PORT", "http").run("config", "show");
    assertThat(env.code()).isEqualTo(2);
    assertThat(env.err())
        .contains("server.port")
        .contains("whole number")
        .contains("PLANDEV_SERVER_PORT");
  }
}
