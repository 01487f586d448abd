package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every plan command on every real plan: no crash, exit codes 0 or 1, sane output. */
class PlanCommandsCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void statusJson_onEveryPlan() throws Exception {
    for (Path plan : CorpusPlans.all()) {
      Result r = new CliRun(dir).run("status", "--json", plan.toString());

      assertThat(r.code()).as("%s: %s", plan, r.err()).isZero();
      JsonNode json = JSON.readTree(r.out());
      int tasks = json.get("tasks").asInt();
      int done = json.get("done").asInt();
      assertThat(done).isBetween(0, tasks);
      assertThat(json.get("progress").asDouble()).isBetween(0.0, 100.0);
      assertThat(json.get("blocked").asInt()).isBetween(0, tasks - done);
      JsonNode effort = json.get("effort");
      assertThat(effort.get("done").asDouble() + effort.get("remaining").asDouble())
          .isEqualTo(effort.get("total").asDouble(), org.assertj.core.data.Offset.offset(0.011));
      assertThat(effort.get("unestimated").asInt()).isBetween(0, tasks);
      int sum = 0;
      for (JsonNode section : json.get("sections")) {
        sum += section.get("tasks").asInt();
      }
      assertThat(sum)
          .as("top sections hold at most all tasks in %s", plan)
          .isLessThanOrEqualTo(tasks);
    }
  }

  @Test
  void syncCheck_onTheWholeCorpus_findsStaleLines_andLeavesFilesAlone() {
    Result r = new CliRun(dir).run("sync", "--check", CorpusPlans.folder().toString());

    assertThat(r.code()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).containsPattern("\\d+ stale progress line\\(s\\) in \\d+ file\\(s\\)");
  }

  @Test
  void lintAndNext_onEveryPlan() {
    for (Path plan : CorpusPlans.all()) {
      Result lint = new CliRun(dir).run("lint", plan.toString());
      Result next = new CliRun(dir).run("next", plan.toString());

      assertThat(lint.code()).as("%s: %s", plan, lint.err()).isIn(0, 1);
      assertThat(lint.err()).isEmpty();
      assertThat(next.code()).as("%s: %s", plan, next.err()).isZero();
      List<String> lines = next.out().lines().toList();
      // A summary line, then two lines for each of at most 5 tasks.
      assertThat(lines).isNotEmpty().hasSizeLessThanOrEqualTo(11);
    }
  }

  @Test
  void report_ofTheCorpusFolder_isAPortfolio() {
    Result r = new CliRun(dir).run("report", CorpusPlans.folder().toString(), "--format", "html");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("class=\"portfolio\"").contains("<svg");
  }

  @Test
  void reportJsonAndMarkdown_ofTheCorpus_haveEffortAndCriticalPaths() throws Exception {
    Result json =
        new CliRun(dir).run("report", CorpusPlans.folder().toString(), "--format", "json");
    Result md = new CliRun(dir).run("report", CorpusPlans.folder().toString());

    assertThat(json.code()).as(json.err()).isZero();
    assertThat(md.code()).as(md.err()).isZero();
    JsonNode report = JSON.readTree(json.out());
    assertThat(report.get("plans")).hasSize(CorpusPlans.all().size());
    for (JsonNode plan : report.get("plans")) {
      JsonNode path = plan.get("criticalPath");
      double sum = 0;
      for (JsonNode step : path.get("tasks")) {
        sum += step.get("effort").asDouble();
      }
      assertThat(path.get("effort").asDouble())
          .as(plan.get("file").asText())
          .isCloseTo(sum, org.assertj.core.data.Offset.offset(0.05))
          .isLessThanOrEqualTo(plan.get("effort").get("remaining").asDouble() + 0.01);
    }
    assertThat(md.out()).contains("**Critical path**");
  }
}
