package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.testing.SharedData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine against the simple rules on real replays (DESIGN.md, "Replay evaluation"). */
class ReplayQualityTest {

  private static Ranker ranker() {
    return Ranker.create(RankerConfig.defaults(), Clock.systemUTC());
  }

  @Test
  void gitCommitScope_beatsTheBestSimpleRule() {
    Path file = sharedReplay("git-commit-scope.jsonl.gz");
    ReplayReport report = ReplayEvaluator.evaluate(ReplayEvaluator.read(file), ranker());
    System.out.println("git-commit-scope engine: " + report.toJson());
    assertThat(report.events()).isEqualTo(44_004);
    assertThat(report.top1()).isGreaterThan(0.552);
    assertThat(report.mrr()).isGreaterThan(0.631);
    assertThat(report.expectedCalibrationError()).isLessThan(0.05);
  }

  @Test
  void debianChangelogs_beatEveryBaseline() throws URISyntaxException {
    Path file =
        Path.of(ReplayQualityTest.class.getResource("/rank/debian-changelog.jsonl.gz").toURI());
    List<ReplayEvent> events = ReplayEvaluator.read(file);
    ReplayReport engine = ReplayEvaluator.evaluate(events, ranker());
    System.out.println("debian-changelog engine: " + engine.toJson());
    for (Baseline baseline : Baseline.values()) {
      ReplayReport rule = ReplayEvaluator.evaluate(events, baseline);
      System.out.println("debian-changelog " + baseline + ": " + rule.toJson());
      assertThat(engine.top1()).as("top1 against %s", baseline).isGreaterThan(rule.top1());
      assertThat(engine.mrr()).as("MRR against %s", baseline).isGreaterThan(rule.mrr());
    }
    assertThat(engine.expectedCalibrationError()).isLessThan(0.05);
  }

  /** A replay of the shared data folder beside the checkout: skipped when absent, unless CI. */
  private static Path sharedReplay(String name) {
    return SharedData.replay(name);
  }
}
