package dev.plandev.plans.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanHistoryTest {
  @TempDir Path dir;

  private static Instant day(int n) {
    return GitPlanRepo.day(n);
  }

  private static String plan(int done) {
    return GitPlanRepo.fourTasks(done);
  }

  @Test
  void readsEveryCommitOfThePlan_oldestFirst_acrossARename() throws Exception {
    try (GitPlanRepo repo = GitPlanRepo.init(dir)) {
      repo.commit("docs/old.md", plan(0), day(1));
      repo.commit("other.md", "unrelated", day(2));
      repo.commit("docs/old.md", plan(1), day(3));
      repo.rename("docs/old.md", "docs/plan.md", day(4));
      repo.commit("docs/plan.md", plan(3), day(5));
    }

    List<HistoryPoint> points = PlanHistory.of(dir.resolve("docs/plan.md")).points();

    assertThat(points)
        .extracting(p -> p.time() + " " + p.path() + " " + p.progress() + " " + p.remaining())
        .containsExactly(
            "2026-03-02T09:00:00Z docs/old.md 0/4 0.0% 1d",
            "2026-03-04T09:00:00Z docs/old.md 1/4 25.0% 6h",
            "2026-03-05T09:00:00Z docs/plan.md 1/4 25.0% 6h",
            "2026-03-06T09:00:00Z docs/plan.md 3/4 75.0% 2h");
    assertThat(points.get(0).commit()).hasSize(7);
  }

  @Test
  void projection_fitsTheRecentTrend() throws Exception {
    try (GitPlanRepo repo = GitPlanRepo.init(dir)) {
      repo.commit("plan.md", plan(0), day(1));
      repo.commit("plan.md", plan(1), day(2));
      repo.commit("plan.md", plan(2), day(3));
    }

    Projection projection = Projection.of(PlanHistory.of(dir.resolve("plan.md")).points());

    // One task a day, two left on day 3: done on day 5.
    assertThat(projection.date()).contains(day(5));
    assertThat(projection.tasksPerDay()).isEqualTo(1.0);
    assertThat(projection.note())
        .isEqualTo("projected completion 2026-03-06 at 1.00 tasks a day (last 3 commits)");
  }

  @Test
  void projection_flatProgress_saysNoProjection() throws Exception {
    try (GitPlanRepo repo = GitPlanRepo.init(dir)) {
      repo.commit("plan.md", plan(1), day(1));
      repo.commit("plan.md", plan(1) + "\ntext\n", day(2));
    }

    Projection projection = Projection.of(PlanHistory.of(dir.resolve("plan.md")).points());

    assertThat(projection.date()).isEmpty();
    assertThat(projection.note())
        .isEqualTo("no projection: progress is flat over the last 2 commits");
  }

  @Test
  void fileOutsideGit_isAOneLineError() throws Exception {
    Path plain = Files.writeString(dir.resolve("plan.md"), plan(0));

    assertThatThrownBy(() -> PlanHistory.of(plain))
        .isInstanceOf(PlanHistoryException.class)
        .hasMessage(plain + " is not in a git repository, so it has no history");
  }

  @Test
  void uncommittedFile_saysToCommitIt() throws Exception {
    try (GitPlanRepo repo = GitPlanRepo.init(dir)) {
      repo.commit("a.md", plan(0), day(1));
    }
    Path fresh = Files.writeString(dir.resolve("b.md"), plan(0));

    assertThatThrownBy(() -> PlanHistory.of(fresh))
        .isInstanceOf(PlanHistoryException.class)
        .hasMessageContaining("has no commit in the git repository")
        .hasMessageContaining("commit it first");
  }
}
