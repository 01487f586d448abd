package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusEffortCommandTest {
  private static final String PLAN =
      String.join(
          "\n",
          "# Release",
          "",
          "## 1 Build",
          "",
          "- [x] **1.1** Compile #time:1d",
          "- [ ] **1.2** Package #temps:4h #depends:1.1",
          "- [ ] **1.3** Sign #durée:2h #depends:1.2",
          "- [ ] **1.4** Mirror #status:blocked",
          "",
          "## 2 Docs",
          "",
          "- [ ] **2.1** Write guide #time:1w #status:deferred",
          "- [ ] **2.2** Proofread",
          "");

  @TempDir Path dir;
  private Path plan;

  @BeforeEach
  void writePlan() throws IOException {
    plan = dir.resolve("plan.md");
    Files.writeString(plan, PLAN);
  }

  @Test
  void status_showsEffortPerSection_andBlockedTasks() {
    Result r = new CliRun(dir).run("status", plan.toString());

    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .startsWith("Release")
        .contains("1/5", "1d/1d 6h", "6h left", "2 blocked");
    assertThat(lines.get(1)).startsWith("  1 Build").contains("1d/1d 6h", "6h left", "2 blocked");
    assertThat(lines.get(2))
        .startsWith("  2 Docs")
        .contains(" - ")
        .doesNotContain("left", "blocked");
    assertThat(lines.subList(3, lines.size()))
        .containsExactly(
            "1 cancelled or deferred task(s) are not counted in progress.",
            "Effort: 1d done of 1d 6h, 6h left; 2 task(s) without #time: are not in these figures.",
            "2 blocked task(s):",
            "  1.3 **1.3** Sign #durée:2h #depends:1.2 — waits for 1.2",
            "  1.4 **1.4** Mirror #status:blocked — #status:blocked");
  }

  @Test
  void statusJson_hasEffortInHours_andBlockedCounts() throws Exception {
    Result r = new CliRun(dir).run("status", "--json", plan.toString());

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("blocked").asInt()).isEqualTo(2);
    assertThat(r.out())
        .contains("{\"total\":14.00,\"done\":8.00,\"remaining\":6.00,\"unestimated\":2}");
    JsonNode docs = json.get("sections").get(1);
    assertThat(docs.get("effort").get("total").asDouble()).isZero();
    assertThat(docs.get("effort").get("unestimated").asInt()).isEqualTo(1);
    assertThat(docs.get("blocked").asInt()).isZero();
  }

  @Test
  void status_withoutEffortTags_keepsItsColumns() throws IOException {
    Files.writeString(plan, "# P\n## A\n- [ ] a\n- [x] b\n");

    Result r = new CliRun(dir).run("status", plan.toString());

    assertThat(r.out().lines().toList()).hasSize(2).noneMatch(l -> l.contains("left"));
  }

  @Test
  void unknownStatus_isShownBy_statusShowAndJson_notSilentlyOpen() throws Exception {
    Files.writeString(plan, "# P\n## A\n- [ ] **1** a #status:review\n- [ ] **2** b\n");

    Result status = new CliRun(dir).run("status", plan.toString());
    Result show = new CliRun(dir).run("show", plan.toString(), "1");
    Result json = new CliRun(dir).run("status", "--json", plan.toString());

    assertThat(status.out())
        .contains(
            "1 task(s) have a #status: that is not a status and count as open (first: 1"
                + " #status:review); plandev lint lists them.");
    assertThat(show.out())
        .contains("  state:      open (#status:review is not a status, so the task counts as open;")
        .contains("use one of open, in-progress, blocked");
    assertThat(new ObjectMapper().readTree(json.out()).get("unknownStatus").asInt()).isEqualTo(1);
  }
}
