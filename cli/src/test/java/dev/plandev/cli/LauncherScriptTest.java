package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./plandev} launcher on a fresh clone, run for real by bash with stand-ins for {@code
 * mvn} and {@code java} on the PATH that record their arguments (the real build is not run): it
 * says it builds for the first time and how long that takes, shows one line per module, lets no
 * terminal escape code through, and passes the command's exit code on.
 */
class LauncherScriptTest {
  private static final Path REPO =
      Path.of(System.getProperty("plandev.repo", Path.of("").toAbsolutePath().getParent() + ""));
  private static final char ESC = '\u001b';

  @TempDir Path dir;
  Path clone;
  Path stubs;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void freshClone() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    clone = Files.createDirectories(dir.resolve("clone"));
    Files.copy(REPO.resolve("plandev"), clone.resolve("plandev"));
    Files.writeString(clone.resolve("pom.xml"), "<project/>\n");
    stubs = Files.createDirectories(dir.resolve("stubs"));
    // Maven's look with colours on: escape codes around levels and module names.
    stub(
        "mvn",
        """
        printf '%s\\n' "$*" >> "$STUB_LOG/mvn.args"
        printf '\\033[1;34m[INFO]\\033[m Scanning for projects...\\n'
        echo '[INFO] Building plandev 0.1.0-SNAPSHOT                                    [1/3]'
        printf '\\033[1m[INFO] Building plandev core: the Smart Defaults engine 0.1.0-SNAPSHOT    [2/3]\\033[0m\\n'
        echo '[INFO] Building plandev cli: the plandev command and the runnable jar 0.1.0-SNAPSHOT [3/3]'
        if [ -n "${STUB_MVN_FAIL:-}" ]; then
          printf '\\033[1;31m[ERROR]\\033[m COMPILATION ERROR: Foo.java:[3,1] oops\\n'
          exit 1
        fi
        mkdir -p cli/target && : > cli/target/plandev.jar
        """);
    stub(
        "java",
        """
        printf '%s\\n' "$@" > "$STUB_LOG/java.args"
        echo "ran the command"
        exit 42
        """);
  }

  private void stub(String name, String body) throws IOException {
    Path file = stubs.resolve(name);
    Files.writeString(file, "#!/usr/bin/env bash\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Run launch(Map<String, String> extra, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("bash", "plandev"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(clone.toFile());
    pb.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
    pb.environment().put("STUB_LOG", dir.toString());
    pb.environment().put("PLANDEV_CDS", "off");
    pb.environment().putAll(extra);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("launcher finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void firstRun_saysItBuilds_howLong_showsModules_noEscapes_andPassesTheExitCodeOn()
      throws Exception {
    Run first = launch(Map.of(), "status", "plan.md");

    assertThat(first.code()).as(first.err()).isEqualTo(42);
    assertThat(first.out()).isEqualTo("ran the command\n");
    assertThat(first.err())
        .contains("building for the first time")
        .contains("1-3 minutes")
        .contains("plandev:   [1/3] plandev\n")
        .contains("plandev:   [2/3] plandev core\n")
        .contains("plandev:   [3/3] plandev cli\n")
        .contains("plandev: built in ")
        .doesNotContain("Scanning for projects");
    assertThat(first.out() + first.err()).doesNotContain(String.valueOf(ESC));
    assertThat(Files.readString(dir.resolve("mvn.args")))
        .contains("-B", "--no-transfer-progress", "-Dstyle.color=never", "-pl cli -am package");
    assertThat(Files.readAllLines(dir.resolve("java.args")))
        .containsSubsequence(
            "-jar", clone.resolve("cli/target/plandev.jar").toString(), "status", "plan.md");

    Run second = launch(Map.of(), "status", "plan.md");

    assertThat(second.code()).isEqualTo(42);
    assertThat(second.err()).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("mvn.args"))).hasSize(1);
  }

  @Test
  void failedBuild_showsTheEndOfMavensOutput_withoutEscapes_exit1_andRunsNothing()
      throws Exception {
    Run r = launch(Map.of("STUB_MVN_FAIL", "1"), "status");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("[ERROR] COMPILATION ERROR: Foo.java:[3,1] oops")
        .contains("the build failed")
        .doesNotContain(String.valueOf(ESC));
    assertThat(dir.resolve("java.args")).doesNotExist();
  }

  @Test
  void changedSource_rebuilds_sayingWhy() throws Exception {
    launch(Map.of(), "status");
    Path jar = clone.resolve("cli/target/plandev.jar");
    Path source = Files.createDirectories(clone.resolve("core/src/main/java")).resolve("A.java");
    Files.writeString(source, "class A {}\n");
    Files.setLastModifiedTime(
        source,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(jar).toMillis() + 10_000));

    Run r = launch(Map.of(), "status");

    assertThat(r.err()).contains("rebuilding").doesNotContain("first time");
    assertThat(Files.readAllLines(dir.resolve("mvn.args"))).hasSize(2);
  }
}
