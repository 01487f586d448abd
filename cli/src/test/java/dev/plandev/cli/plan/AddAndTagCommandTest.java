package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddAndTagCommandTest {
  private static final String PLAN =
      String.join(
          "\n",
          "# Release",
          "",
          "*Progression: 33%*",
          "",
          "## 1 Build",
          "",
          "- [x] **1.1** Compile #time:1h",
          "- [ ] **1.2** Package #priority:low",
          "",
          "## 2 Docs",
          "",
          "- [ ] Write guide",
          "");

  @TempDir Path dir;
  private Path plan;

  @BeforeEach
  void writePlan() throws IOException {
    plan = dir.resolve("plan.md");
    Files.writeString(plan, PLAN);
  }

  private Result run(String... args) {
    return new CliRun(dir).run(args);
  }

  private String planText() throws IOException {
    return Files.readString(plan);
  }

  @Test
  void add_appendsTheNextNumber_withTags_andSyncsProgress() throws IOException {
    Result r =
        run(
            "add",
            plan.toString(),
            "1",
            "Sign the jar",
            "--tag",
            "owner:ana",
            "--tag",
            "temps:30min");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "added 1.3 [ ] **1.3** Sign the jar #owner:ana #temps:30min (line 9),"
                + " 1 progress line(s) synced\n");
    assertThat(planText())
        .isEqualTo(
            PLAN.replace("*Progression: 33%*", "*Progression: 25%*")
                .replace(
                    "#priority:low\n",
                    "#priority:low\n- [ ] **1.3** Sign the jar #owner:ana #temps:30min\n"));
  }

  @Test
  void add_unknownSection_isAUsageErrorListingTheIds() throws IOException {
    Result r = run("add", plan.toString(), "9", "Nothing");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("plandev: no section '9' in plan.md; its section ids are 1, 2\n");
    assertThat(planText()).isEqualTo(PLAN);
  }

  @Test
  void add_badTagOrBlankText_changesNothing() throws IOException {
    Result badTag = run("add", plan.toString(), "2", "Proofread", "--tag", "priority");
    Result blank = run("add", plan.toString(), "2", " ");

    assertThat(badTag.code()).isEqualTo(2);
    assertThat(badTag.err()).contains("'priority' is not key:value; write e.g. priority:high");
    assertThat(blank.code()).isEqualTo(2);
    assertThat(blank.err()).contains("TEXT must be one line of words");
    assertThat(planText()).isEqualTo(PLAN);
  }

  @Test
  void tag_replacesBySynonym_addsAndRemoves_changingOnlyThatLine() throws IOException {
    Result r = run("tag", plan.toString(), "1.1", "temps:2h", "owner:zoé");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("tagged 1.1 **1.1** Compile #time:2h #owner:zoé (line 7)\n");
    assertThat(planText())
        .isEqualTo(PLAN.replace("Compile #time:1h", "Compile #time:2h #owner:zoé"));

    assertThat(run("tag", plan.toString(), "1.1", "owner:", "--remove", "time").code()).isZero();
    assertThat(planText()).isEqualTo(PLAN.replace("Compile #time:1h", "Compile"));
  }

  @Test
  void tag_noChange_saysSo_andSyncIsOptIn() throws IOException {
    assertThat(run("tag", plan.toString(), "1.2", "priority:low").out())
        .isEqualTo("no change: 1.2 **1.2** Package #priority:low (line 8)\n");

    Result cancelled = run("tag", plan.toString(), "guide", "status:cancelled", "--sync");

    assertThat(cancelled.out()).endsWith("(line 12), 1 progress line(s) synced\n");
    assertThat(planText())
        .isEqualTo(
            PLAN.replace("33%", "50%").replace("Write guide", "Write guide #status:cancelled"));
  }

  @Test
  void tag_withoutChanges_orWithABadEffort_isAUsageError() throws IOException {
    Result none = run("tag", plan.toString(), "1.1");
    Result bad = run("tag", plan.toString(), "1.1", "time:soon");

    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("give at least one KEY:VALUE to set or --remove KEY");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("'soon' is not an effort; write e.g. 30min, 2h, 1.5d or 3j");
    assertThat(planText()).isEqualTo(PLAN);
  }
}
