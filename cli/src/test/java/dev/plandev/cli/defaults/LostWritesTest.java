package dev.plandev.cli.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file emptied under plandev is refused, with the way to start over spelled out, and
 * {@code config show} lists that setting.
 */
class LostWritesTest {
  @TempDir Path dir;

  @Test
  void emptiedDatabase_isRefused_untilToldToStartOver() throws Exception {
    assertThat(new CliRun(dir).run("defaults", "set", "k", "v").code()).isZero();
    Path db;
    try (Stream<Path> files = Files.walk(dir)) {
      db = files.filter(p -> p.getFileName().toString().equals("defaults.db")).findFirst().get();
    }
    Files.write(db, new byte[0]);

    Result refused = new CliRun(dir).run("defaults", "get", "k");
    assertThat(refused.code()).isNotZero();
    assertThat(refused.err())
        .contains(db.getFileName().toString())
        .contains("empty")
        .contains("-o sqlite.allowLostWrites=true");

    Result over =
        new CliRun(dir).run("-o", "sqlite.allowLostWrites=true", "defaults", "set", "k", "w");
    assertThat(over.code()).as(over.err()).isZero();
    assertThat(new CliRun(dir).run("defaults", "get", "k").out()).isEqualTo("w\n");
  }

  @Test
  void configShow_listsTheSetting() {
    Result r = new CliRun(dir).run("config", "show");
    assertThat(r.out()).containsPattern("sqlite.allowLostWrites\\s+= false\\s+# default");
  }
}
