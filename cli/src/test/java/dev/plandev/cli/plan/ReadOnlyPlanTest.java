package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plan the user made read-only (chmod 444) is refused by every command that would write it. */
class ReadOnlyPlanTest {
  private static final String PLAN = "# Plan\n\n*Progression: 0%*\n\n- [ ] first\n- [x] second\n";

  @TempDir Path dir;

  private Path readOnlyPlan() throws Exception {
    Path plan = dir.resolve("plan.md");
    Files.writeString(plan, PLAN);
    Files.setPosixFilePermissions(plan, PosixFilePermissions.fromString("r--r--r--"));
    return plan;
  }

  private void assertUntouched(Path plan) throws Exception {
    assertThat(Files.readString(plan)).isEqualTo(PLAN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plan)))
        .isEqualTo("r--r--r--");
  }

  @Test
  void check_refusesAReadOnlyPlan_sayingHowToMakeItWritable() throws Exception {
    Path plan = readOnlyPlan();

    CliRun.Result r = new CliRun(dir).run("check", plan.toString(), "first");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("read-only", "chmod u+w", "plan.md").doesNotContain("Exception");
    assertUntouched(plan);
  }

  @Test
  void sync_refusesAReadOnlyPlan() throws Exception {
    Path plan = readOnlyPlan();

    CliRun.Result r = new CliRun(dir).run("sync", plan.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("read-only");
    assertUntouched(plan);
  }

  @Test
  void check_ofATaskAlreadyDone_onAReadOnlyPlan_isFine_sinceNothingIsWritten() throws Exception {
    Path plan = readOnlyPlan();

    CliRun.Result r = new CliRun(dir).run("check", plan.toString(), "second");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("already checked");
    assertUntouched(plan);
  }
}
