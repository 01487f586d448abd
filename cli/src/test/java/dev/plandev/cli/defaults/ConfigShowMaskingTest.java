package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config show} masks passwords inside URLs too, not only the password settings. */
class ConfigShowMaskingTest {
  @TempDir Path dir;

  @Test
  void show_masksPasswordsInThePostgresUrl() {
    Result r =
        new CliRun(dir)
            .run(
                "-o",
                "postgres.url=jdbc:postgresql://bob:s3cr3tmarker1@h/db?password=s3cr3tmarker",
                "-o",
                "postgres.password=s3cr3tmarker2",
                "-o",
                "redis.password=s3cr3tmarker3",
                "config",
                "show");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("jdbc:postgresql://bob:****@h/db?password=****")
        .doesNotContain("s3cr3tmarker");
  }
}
