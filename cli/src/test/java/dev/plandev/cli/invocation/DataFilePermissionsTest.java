package dev.plandev.cli.invocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plandev.cli.CliRun;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a command leaves in the data directory, logs included, is readable by its owner only. */
class DataFilePermissionsTest {
  @TempDir Path dir;

  @Test
  void dataDirectory_logsAndDatabase_areOwnerOnly() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    assertThat(new CliRun(dir).run("defaults", "set", "k", "v", "--secret").code()).isZero();
    Path data = new CliRun(dir).defaultDataDir();
    List<Path> all;
    try (Stream<Path> walk = Files.walk(data)) {
      all = walk.toList();
    }
    assertThat(all).anySatisfy(p -> assertThat(p.toString()).endsWith("plandev.json"));
    for (Path p : all) {
      String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
      assertThat(perms)
          .as(p.toString())
          .isEqualTo(Files.isDirectory(p) ? "rwx------" : "rw-------");
    }
  }
}
