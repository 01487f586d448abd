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

class NextAndShowCommandTest {
  private static final String PLAN =
      String.join(
          "\n",
          "# Release",
          "",
          "## 1 Build",
          "",
          "- [x] **1.1** Compile #time:1h",
          "- [ ] **1.2** Package #depends:1.1 #priority:low #category:build",
          "  - [ ] **1.2.1** Zip it #temps:30min",
          "  - [x] **1.2.2** Name it",
          "- [ ] **1.3** Sign #depends:1.2,shared.md#4.1 #owner:ana #scope:infra",
          "- [ ] **1.4** Announce #priority:haute #category:docs",
          "- [ ] **1.5** Mirror #status:blocked",
          "",
          "## 2 Docs",
          "",
          "- [ ] **2.1** Write guide #category:docs #owner:Zoé",
          "");

  @TempDir Path dir;
  private Path plan;

  @BeforeEach
  void writePlans() throws IOException {
    plan = dir.resolve("plan.md");
    Files.writeString(plan, PLAN);
    Files.writeString(dir.resolve("shared.md"), "# Shared\n\n- [ ] **4.1** Keys ready\n");
  }

  private Result run(String... args) {
    return new CliRun(dir).run(args);
  }

  @Test
  void next_skipsTasksWaitingOnDependencies_andOrdersByPriority() {
    Result r = run("next", plan.toString());

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> !l.startsWith(" ")).toList())
        .containsExactly(
            "4 ready of 6 open; 1 wait on dependencies; 1 blocked or deferred",
            "1.4          **1.4** Announce #priority:haute #category:docs",
            "1.2.1        **1.2.1** Zip it #temps:30min",
            "2.1          **2.1** Write guide #category:docs #owner:Zoé",
            "1.2          **1.2** Package #depends:1.1 #priority:low #category:build");
  }

  @Test
  void next_filters() {
    assertThat(firstIds("--priority", "low")).containsExactly("1.2");
    assertThat(firstIds("--category", "Docs")).containsExactly("1.4", "2.1");
    assertThat(firstIds("--owner", "zoe")).containsExactly("2.1");
    assertThat(firstIds("--section", "2")).containsExactly("2.1");
    assertThat(run("next", plan.toString(), "--owner", "nobody").out())
        .isEqualTo("no open task in plan.md matches\n");
  }

  @Test
  void next_badPriorityOrSection_isAUsageErrorThatSaysWhatToType() {
    Result badPriority = run("next", plan.toString(), "--priority", "soon");
    Result badSection = run("next", plan.toString(), "--section", "9");

    assertThat(badPriority.code()).isEqualTo(2);
    assertThat(badPriority.err()).contains("--priority must be high, medium or low", "'soon'");
    assertThat(badSection.code()).isEqualTo(2);
    assertThat(badSection.err()).contains("no section '9' in plan.md; section ids look like 1, 2");
  }

  @Test
  void show_printsTaskSubtreeMetadataAndBothDirectionsOfDependencies() {
    Result r = run("show", plan.toString(), "1.2");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(
            String.join(
                "\n",
                "1.2 [ ] **1.2** Package #depends:1.1 #priority:low #category:build",
                "  plan.md line 6 · 1 Build",
                "  state:      open",
                "  priority:   low",
                "  category:   build",
                "  subtasks:   1/2 done",
                "    1.2.1 [ ] **1.2.1** Zip it #temps:30min",
                "    1.2.2 [x] **1.2.2** Name it",
                "  depends on:",
                "    1.1 [x] **1.1** Compile #time:1h",
                "  needed by:",
                "    1.3 [ ] **1.3** Sign #depends:1.2,shared.md#4.1 #owner:ana #scope:infra",
                ""));
  }

  @Test
  void show_crossPlanDependency_unknownKeysAndMissingTargets() throws IOException {
    Result r = run("show", plan.toString(), "1.3");

    assertThat(r.out())
        .contains("  owner:      ana\n")
        .contains("  other tags: #scope:infra\n")
        .contains("    shared.md#4.1 [ ] **4.1** Keys ready\n");

    Files.delete(dir.resolve("shared.md"));
    assertThat(run("show", plan.toString(), "1.3").out())
        .contains("    shared.md#4.1 missing: no plan file ");
  }

  @Test
  void status_saysThatCancelledAndDeferredTasksAreNotCounted() throws IOException {
    Files.writeString(
        plan, "# P\n\n- [x] a\n- [ ] b #status:cancelled\n- [ ] c #statut:reporté\n- [ ] d\n");

    Result text = run("status", plan.toString());
    Result json = run("status", plan.toString(), "--json");

    assertThat(text.out())
        .contains("1/2", "50.0%")
        .endsWith("2 cancelled or deferred task(s) are not counted in progress.\n");
    assertThat(json.out())
        .contains("\"tasks\":2,\"done\":1,\"progress\":50.0,\"blocked\":0,")
        .contains("\"setAside\":2,");
    assertThat(run("status", "--help").out()).contains("#status:cancelled or #status:deferred");
  }

  @Test
  void show_listsTasksOfOtherPlansThatDependOnIt() throws IOException {
    Path team = Files.createDirectories(dir.resolve("team"));
    Files.writeString(
        team.resolve("ops.md"), "# Ops\n\n- [ ] **7** Rotate #depends:../shared.md#4.1\n");
    Files.writeString(team.resolve("noise.md"), "# Noise\n\n- [ ] **1** Other #depends:x.md#4.1\n");

    Result here = run("show", dir.resolve("shared.md").toString(), "4.1");
    Result other = run("show", team.resolve("ops.md").toString(), "7");

    assertThat(here.code()).as(here.err()).isZero();
    assertThat(here.out())
        .endsWith(
            "  needed by:\n"
                + "    plan.md#1.3 [ ] **1.3** Sign #depends:1.2,shared.md#4.1 #owner:ana"
                + " #scope:infra\n"
                + "    ops.md#7 [ ] **7** Rotate #depends:../shared.md#4.1\n")
        .doesNotContain("noise.md");
    assertThat(other.out()).doesNotContain("needed by");
    assertThat(
            run("show", dir.resolve("shared.md").toString(), "4.1", "--root", team.toString())
                .out())
        .contains("ops.md#7")
        .doesNotContain("plan.md#1.3");
  }

  @Test
  void show_unknownTask_isAUsageError() {
    Result r = run("show", plan.toString(), "9.9");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("no task matches '9.9' in plan.md");
  }

  private java.util.List<String> firstIds(String... filter) {
    String[] args = new String[filter.length + 2];
    args[0] = "next";
    args[1] = plan.toString();
    System.arraycopy(filter, 0, args, 2, filter.length);
    Result r = run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return r.out()
        .lines()
        .skip(1)
        .filter(l -> !l.startsWith(" "))
        .map(l -> l.split(" ")[0])
        .toList();
  }
}
