package dev.plandev.cli.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.plandev.cli.invocation.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the daemon's folder is, and that only a private folder of the user's own is used. */
class DaemonFolderTest {
  @TempDir Path tmp;

  private Environment env(Map<String, String> variables) {
    return new Environment(
        variables,
        tmp,
        tmp.resolve("home"),
        "Linux",
        Clock.systemUTC(),
        new ByteArrayInputStream(new byte[0]),
        new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()),
        false);
  }

  @Test
  void location_variableThenRuntimeDirThenDataDirectory() {
    assertThat(DaemonFolder.of(env(Map.of("PLANDEV_DAEMON_DIR", "/x/d"))).path())
        .isEqualTo(Path.of("/x/d"));
    assertThat(DaemonFolder.of(env(Map.of("XDG_RUNTIME_DIR", "/run/user/7"))).path())
        .isEqualTo(Path.of("/run/user/7/plandev"));
    assertThat(DaemonFolder.of(env(Map.of())).path())
        .isEqualTo(tmp.resolve("home/.local/share/plandev/daemon"));
  }

  @Test
  void secured_createsItPrivate_andRefusesOneOthersMayEnter() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path made = new DaemonFolder(tmp.resolve("a/daemon")).secured().path();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
        .isEqualTo("rwx------");
    Path open =
        Files.createDirectory(
            tmp.resolve("open"),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-x---"));
    assertThatThrownBy(() -> new DaemonFolder(open).secured())
        .isInstanceOf(DaemonException.class)
        .hasMessageContaining("open to other users")
        .hasMessageContaining("chmod 700 " + open);
  }
}
