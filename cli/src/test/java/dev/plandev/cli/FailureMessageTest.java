package dev.plandev.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a failed command prints one line on stderr, saying what was wrong and what to do, and
 * nothing else: no log line (a person at a terminal sees warnings), no stack trace, no Java class
 * name, unless {@code --verbose}.
 */
class FailureMessageTest {
  @TempDir Path dir;
  @RegisterExtension final TerminalStderr seen = new TerminalStderr();

  private CliRun.Result run(String... args) {
    return new CliRun(dir).terminal(true).run(args);
  }

  /** Everything the person saw on stderr: the command's writer and the process's stream. */
  private String stderr(CliRun.Result r) {
    return seen.of(r);
  }

  @Test
  void missingPlanFile_isOneLine_exit2() {
    CliRun.Result r = run("status", dir.resolve("nope.md").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(stderr(r).lines())
        .singleElement()
        .asString()
        .startsWith("plandev: no such plan file")
        .contains("nope.md");
  }

  @Test
  void readOnlyPlan_isOneLine_exit1() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.md"), "# P\n\n- [ ] first\n");
    Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));

    CliRun.Result r = run("check", plan.toString(), "first");

    assertThat(r.code()).isEqualTo(1);
    assertThat(stderr(r).lines())
        .singleElement()
        .asString()
        .contains("read-only", "chmod u+w", "plan.md");
  }

  @Test
  void storeThatCannotOpen_isOneLine_exit1_noLogLineNorStackTrace() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("data"), "a file where the data folder goes");

    CliRun.Result r = run("--data", notAFolder.toString(), "defaults", "get", "k");

    assertThat(r.code()).isEqualTo(1);
    assertThat(stderr(r).lines()).singleElement().asString().startsWith("plandev: ");
    assertThat(stderr(r)).doesNotContain("Exception", "WARN", "\tat ");
  }

  @Test
  void verbose_addsTheStackTrace() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("data"), "x");

    CliRun.Result r = run("--verbose", "--data", notAFolder.toString(), "defaults", "get", "k");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("\tat ");
  }
}
