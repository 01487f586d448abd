package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.testing.SharedData;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Confidence is honest on little evidence: over the first 1,000 events of a replay, the first
 * values shown with a confidence of at least 0.8 are right at least 80 % of the time, while the
 * whole replay's calibration error stays below what it was before confidence was shrunk by evidence
 * (commit 48afd08, measured with this harness) and its top-1 at least what it is today (the
 * calibration never changes the order).
 *
 * <p>Four replays: the git history's commit scopes and Debian changelogs, and two stand-ins for
 * thin histories made from the git one (a key per touched path, a key per author: thousands of keys
 * with a handful of events each, the shape of a person's first weeks of prompts). The calibration
 * error is the harness's: ten equal-width bins of the confidence shown first.
 */
class ReplayConfidenceTest {
  private static final int EARLY = 1000;
  private static final double CONFIDENT = 0.8;

  @Test
  void gitCommitScope() {
    List<ReplayEvent> events = ReplayEvaluator.read(SharedData.replay("git-commit-scope.jsonl.gz"));
    assertHonest("git-commit-scope", replay(events), 0.62212, 0.00935);
  }

  @Test
  void debianChangelogs() throws URISyntaxException {
    Path file =
        Path.of(ReplayConfidenceTest.class.getResource("/rank/debian-changelog.jsonl.gz").toURI());
    assertHonest("debian-changelog", replay(ReplayEvaluator.read(file)), 0.86568, 0.00660);
  }

  /** Before the shrinkage its early confident predictions were right 77.7 % of the time. */
  @Test
  void gitCommitScopePerPath_manyThinKeys() {
    assertHonest("git-commit-scope per path", replay(gitKeyedBy("path")), 0.60355, 0.00623);
  }

  @Test
  void gitCommitScopePerAuthor_manyThinKeys() {
    assertHonest("git-commit-scope per author", replay(gitKeyedBy("author")), 0.51945, 0.00624);
  }

  @Test
  void oneRecordedChoice_isNotNearlyCertain() {
    Ranker ranker = Ranker.create(RankerConfig.defaults(), Clock.systemUTC());
    Instant at = Instant.parse("2024-01-01T00:00:00Z");
    ranker.learn("plan.plan-dev.author", Map.of(), "Ada Lovelace", true, at);

    RankedValue only = ranker.rank("plan.plan-dev.author", Map.of(), 3, at).get(0);

    assertThat(only.confidence()).isLessThanOrEqualTo(0.5);
    assertThat(only.confident()).isFalse();
  }

  /** The git replay with its key extended by one context field. */
  private static List<ReplayEvent> gitKeyedBy(String field) {
    return ReplayEvaluator.read(SharedData.replay("git-commit-scope.jsonl.gz")).stream()
        .map(
            e ->
                new ReplayEvent(
                    e.ts(), e.key() + "." + e.context().get(field), e.context(), e.value()))
        .toList();
  }

  private static ReplayEvaluator.Run replay(List<ReplayEvent> events) {
    Ranker ranker = Ranker.create(RankerConfig.defaults(), Clock.systemUTC());
    return ReplayEvaluator.run(events, ReplayStrategy.of(ranker), events.size());
  }

  /**
   * Early confident predictions right at least 80 % of the time; over the whole replay, top-1 at
   * least {@code top1} (the figure of commit 0edcad4, its fifth digit cut) and calibration error at
   * most {@code eceBefore}. The figures are the same on every run (see {@code
   * RankingDeterminismTest}).
   */
  private static void assertHonest(
      String name, ReplayEvaluator.Run run, double top1, double eceBefore) {
    ReplayReport early = run.report(0, Math.min(EARLY, run.rank.length));
    ReplayReport all = run.report(0, run.rank.length);
    double precision = early.precisionAtLeast(CONFIDENT);
    System.out.printf(
        Locale.ROOT,
        "%s: first %d events, %d predictions at confidence >= %.1f, right %.4f;"
            + " whole replay top-1 %.5f (at least %.5f), ECE %.5f (at most %.5f)%n",
        name,
        early.events(),
        early.countAtLeast(CONFIDENT),
        CONFIDENT,
        precision,
        all.top1(),
        top1,
        all.expectedCalibrationError(),
        eceBefore);
    assertThat(early.countAtLeast(CONFIDENT))
        .as("%s: confident early predictions", name)
        .isPositive();
    assertThat(precision)
        .as("%s: precision of confident early predictions", name)
        .isGreaterThanOrEqualTo(0.80);
    assertThat(all.top1()).as("%s: whole-replay top-1", name).isGreaterThanOrEqualTo(top1);
    assertThat(all.expectedCalibrationError())
        .as("%s: whole-replay calibration error", name)
        .isLessThanOrEqualTo(eceBefore);
  }
}
