package dev.plandev.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.cli.CliRun;
import dev.plandev.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} and the report's burn-down on a real git repository made here with JGit. */
class HistoryCommandTest {
  @TempDir Path dir;

  private static final Instant START = Instant.parse("2026-05-04T10:00:00Z");

  private void commitStates(int... doneCounts) throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      for (int i = 0; i < doneCounts.length; i++) {
        StringBuilder md = new StringBuilder("# P\n\n## 1 Work\n\n");
        for (int t = 1; t <= 5; t++) {
          md.append("- [").append(t <= doneCounts[i] ? 'x' : ' ').append("] **1.").append(t);
          md.append("** task #time:1d\n");
        }
        md.append("\nRevision ").append(i).append('\n');
        Files.writeString(dir.resolve("plan.md"), md);
        git.add().addFilepattern("plan.md").call();
        PersonIdent who =
            new PersonIdent(
                "Ada",
                "ada@example.org",
                Date.from(START.plusSeconds(86_400L * 7 * i)),
                TimeZone.getTimeZone("UTC"));
        git.commit()
            .setMessage("state " + i)
            .setAuthor(who)
            .setCommitter(who)
            .setSign(false)
            .call();
      }
    }
  }

  @Test
  void history_printsATablePerCommit_andTheProjection() throws Exception {
    commitStates(0, 1, 3);

    Result r = new CliRun(dir).run("history", dir.resolve("plan.md").toString());

    assertThat(r.code()).as(r.err()).isZero();
    var lines = r.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).startsWith("date (UTC)        commit");
    assertThat(lines.get(1)).startsWith("2026-05-04 10:00  ").contains("0/5", "5d");
    assertThat(lines.get(2)).startsWith("2026-05-11 10:00  ").contains("1/5", "4d");
    assertThat(lines.get(3)).startsWith("2026-05-18 10:00  ").contains("3/5", "2d");
    // Least squares through 5, 4, 2 over weeks 0, 1, 2: 1.5 tasks a week; 2 left take 9.33 days.
    assertThat(lines.get(4))
        .isEqualTo("projected completion 2026-05-27 at 0.21 tasks a day (last 3 commits)");
  }

  @Test
  void historyJson_hasPointsAndProjection() throws Exception {
    commitStates(2, 2);

    Result r = new CliRun(dir).run("history", "--json", dir.resolve("plan.md").toString());

    assertThat(r.code()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("points")).hasSize(2);
    assertThat(json.get("points").get(0).get("time").asText()).isEqualTo("2026-05-04T10:00:00Z");
    assertThat(json.get("points").get(1).get("remainingTasks").asInt()).isEqualTo(3);
    assertThat(json.get("points").get(1).get("remainingEffort").asDouble()).isEqualTo(24.0);
    assertThat(json.get("projection").get("date").isNull()).isTrue();
    assertThat(json.get("projection").get("note").asText())
        .isEqualTo("no projection: progress is flat over the last 2 commits");
  }

  @Test
  void history_outsideGit_isOneClearLine() throws Exception {
    Path plan = Files.writeString(dir.resolve("plan.md"), "# P\n- [ ] a\n");

    Result r = new CliRun(dir).run("history", plan.toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("plandev: " + plan + " is not in a git repository, so it has no history\n");
  }

  @Test
  void htmlReport_ofACommittedPlan_hasABurnDownChart() throws Exception {
    commitStates(0, 2, 4);

    Result r = new CliRun(dir).run("report", dir.resolve("plan.md").toString(), "--format", "html");

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("<svg class=\"burndown\"", "<polyline class=\"tasks\"", "projected completion");
  }
}
