package dev.plandev.plans.effort;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.plans.PlanDocument;
import dev.plandev.plans.dependency.DependencyGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalPathTest {
  @TempDir Path dir;

  private static CriticalPath of(String markdown) {
    return CriticalPath.of(DependencyGraph.of(PlanDocument.of("p.md", markdown)));
  }

  private static String ids(CriticalPath path) {
    return String.join(" ", path.steps().stream().map(s -> s.task().id()).toList());
  }

  /*
   * Hand-built answer: chains ending at 6 are 1→2→4→6 (2h+3h+1h+1h = 7h), 1→3→4→6 (2h+1d+1h+1h =
   * 12h), 5→6 (4h+1h). 7 (10h) is heavier alone than any chain but done; 8 waits on done 7 (1h);
   * 9 is cancelled (1w) and 10 deferred, neither counts. The answer is 1 → 3 → 4 → 6, 12h.
   */
  private static final String DIAMOND =
      String.join(
          "\n",
          "# P",
          "## 1 Work",
          "- [ ] **1** Schema #time:2h",
          "- [ ] **2** API #time:3h #depends:1",
          "- [ ] **3** Migration #temps:1j #depends:1",
          "- [ ] **4** Wire #time:1h #depends:2,3",
          "- [ ] **5** Design #time:4h",
          "- [ ] **6** Release #time:1h #depends:4,5",
          "- [x] **7** Spike #time:10h",
          "- [ ] **8** Follow-up #time:1h #depends:7",
          "- [ ] **9** Rewrite #time:1w #status:cancelled",
          "- [ ] **10** Port #time:2d #status:deferred #depends:6",
          "");

  @Test
  void diamond_followsTheHeaviestBranch() {
    CriticalPath path = of(DIAMOND);

    assertThat(ids(path)).isEqualTo("1 3 4 6");
    assertThat(path.total().minutes()).isEqualTo(12 * 60);
    assertThat(path.total().toString()).isEqualTo("1d 4h");
    assertThat(path.cycles()).isEmpty();
    assertThat(path.blocked()).isFalse();
  }

  @Test
  void doneTasks_costNothing_andEndTheChain() {
    CriticalPath path = of(DIAMOND.replace("- [ ] **3**", "- [x] **3**"));

    // 1→2→4→6 = 7h beats 5→6 = 5h once the migration is done.
    assertThat(ids(path)).isEqualTo("1 2 4 6");
    assertThat(path.total().minutes()).isEqualTo(7 * 60);
  }

  @Test
  void cycle_isReported_andNotLoopedRound() {
    CriticalPath path =
        of(
            "# P\n## 1 A\n- [ ] **1** a #time:1h #depends:3\n- [ ] **2** b #time:2h #depends:1\n"
                + "- [ ] **3** c #time:4h #depends:2\n- [ ] **4** d #time:30min #depends:4\n");

    assertThat(path.cycles())
        .extracting(c -> String.join(" ", c.stream().map(t -> t.id()).toList()))
        .containsExactlyInAnyOrder("1 3 2", "4");
    // Each task appears once: the heaviest chain through the cycle without going round it.
    assertThat(path.total().minutes()).isEqualTo(7 * 60);
    assertThat(path.steps()).hasSize(3);
  }

  @Test
  void blockedChain_isStillThePath_andSaysSo() {
    CriticalPath path =
        of(
            "# P\n## 1 A\n- [ ] **1** vendor keys #status:blocked #time:1d\n"
                + "- [ ] **2** integrate #time:4h #depends:1\n- [ ] **3** ship #time:1h #depends:2\n"
                + "- [ ] **4** docs #time:6h\n");

    assertThat(ids(path)).isEqualTo("1 2 3");
    assertThat(path.blocked()).isTrue();
    assertThat(path.steps().get(0).blocked()).isTrue();
    assertThat(path.total().minutes()).isEqualTo(13 * 60);
  }

  @Test
  void crossPlanDependency_addsTheOtherPlansRemainingEffort() throws IOException {
    Files.writeString(dir.resolve("infra.md"), "# Infra\n## 2 Net\n- [ ] **2.1** VPN #time:2d\n");
    Path plan = dir.resolve("app.md");
    Files.writeString(
        plan, "# App\n## 1 A\n- [ ] **1.1** Deploy #time:1h #depends:infra.md#2.1,missing.md#1\n");

    CriticalPath path = CriticalPath.of(DependencyGraph.of(PlanDocument.parse(plan)));

    assertThat(path.steps())
        .extracting(s -> s.plan().name() + "#" + s.task().id())
        .containsExactly("infra.md#2.1", "app.md#1.1");
    assertThat(path.total().minutes()).isEqualTo(17 * 60);
  }

  @Test
  void noRemainingTask_givesAnEmptyPath() {
    CriticalPath path = of("# P\n- [x] a #time:1h\n");

    assertThat(path.steps()).isEmpty();
    assertThat(path.total().minutes()).isZero();
  }
}
