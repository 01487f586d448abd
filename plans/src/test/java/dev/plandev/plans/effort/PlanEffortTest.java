package dev.plandev.plans.effort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.Section;
import dev.plandev.plans.dependency.DependencyGraph;
import org.junit.jupiter.api.Test;

class PlanEffortTest {
  private static final PlanDocument PLAN =
      PlanDocument.of(
          "p.md",
          String.join(
              "\n",
              "# P",
              "## 1 Build",
              "- [x] **1.1** Compile #time:2h",
              "- [ ] **1.2** Package #temps:1j #depends:1.1",
              "  - [ ] **1.2.1** Zip #duration:30min",
              "- [ ] **1.3** Sign #depends:1.2",
              "- [ ] **1.4** Mirror #status:blocked #durée:1h",
              "## 2 Later",
              "- [ ] **2.1** Old idea #time:1w #status:deferred",
              "- [ ] **2.2** Dropped #time:3h #status:cancelled",
              "- [x] **2.3** Docs #time:xd",
              "- [ ] **2.4** Wait #depends:9.9",
              ""));

  private final PlanEffort effort = PlanEffort.of(DependencyGraph.of(PLAN));

  @Test
  void sectionTally_sumsEffort_leavingOutCancelledAndDeferred() {
    Section build = PLAN.root().children().get(0);
    EffortTally tally = effort.of(build);

    assertThat(tally.total().minutes()).isEqualTo(120 + 480 + 30 + 60);
    assertThat(tally.done().minutes()).isEqualTo(120);
    assertThat(tally.remaining().toString()).isEqualTo("1d 1h30min");
    assertThat(tally.unestimated()).isEqualTo(1);
    assertThat(tally.blocked()).isEqualTo(2);
  }

  @Test
  void unparsedEffort_countsAsUnestimated_andBlockedIncludesMissingDependencies() {
    EffortTally later = effort.of(PLAN.root().children().get(1));

    assertThat(later.total().minutes()).isZero();
    assertThat(later.unestimated()).isEqualTo(2);
    assertThat(later.blocked()).isEqualTo(1);
    assertThat(effort.total().blocked()).isEqualTo(3);
    assertThat(effort.total().total().minutes()).isEqualTo(690);
  }

  @Test
  void blockedTasks_sayWhy() {
    assertThat(effort.blocked())
        .extracting(b -> b.task().id() + ": " + b.reason())
        .containsExactly(
            "1.3: waits for 1.2", "1.4: #status:blocked", "2.4: waits for 9.9 (missing)");
  }
}
