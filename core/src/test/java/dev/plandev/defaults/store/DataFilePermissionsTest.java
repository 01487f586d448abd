package dev.plandev.defaults.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything the store keeps on disk is readable by its owner only. */
class DataFilePermissionsTest {
  @TempDir Path tmp;

  @Test
  void dataDirectory_isOwnerOnly_andEveryFileInIt() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path data = tmp.resolve("data");
    try (SmartDefaults d =
        SmartDefaults.open(
            PlandevConfig.defaults().withDataDir(data.toString()), new TestClock())) {
      d.store().put(DefaultSpec.of("plain", "v"), Actor.of("t"));
      d.store().put(DefaultSpec.of("s", "hush").withSecret(true), Actor.of("t"));
      assertOwnerOnly(data);
    }
    assertOwnerOnly(data);
  }

  @Test
  void existingDatabaseFiles_areTightenedWhenOpened() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path data = tmp.resolve("data");
    PlandevConfig config = PlandevConfig.defaults().withDataDir(data.toString());
    try (SmartDefaults d = SmartDefaults.open(config, new TestClock())) {
      d.store().put(DefaultSpec.of("plain", "v"), Actor.of("t"));
    }
    Files.setPosixFilePermissions(
        data.resolve("defaults.db"), PosixFilePermissions.fromString("rw-r--r--"));
    try (SmartDefaults d = SmartDefaults.open(config, new TestClock())) {
      d.store().put(DefaultSpec.of("plain", "w"), Actor.of("t"));
      assertOwnerOnly(data);
    }
  }

  private static void assertOwnerOnly(Path data) throws Exception {
    List<Path> all;
    try (Stream<Path> walk = Files.walk(data)) {
      all = walk.toList();
    }
    assertThat(all)
        .anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("defaults.db"));
    for (Path p : all) {
      String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      assertThat(perms)
          .as(p.toString())
          .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }
}
