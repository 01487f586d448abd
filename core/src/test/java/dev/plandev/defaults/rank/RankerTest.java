package dev.plandev.defaults.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RankerTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Map<String, String> NO_CONTEXT = Map.of();

  private final Ranker ranker =
      Ranker.create(RankerConfig.defaults(), Clock.fixed(T0, ZoneOffset.UTC));

  private static Instant at(int minutes) {
    return T0.plus(Duration.ofMinutes(minutes));
  }

  private String top(String key, Map<String, String> context, int minutes) {
    return ranker.rank(key, context, 1, at(minutes)).get(0).value();
  }

  @Test
  void rank_unknownKey_isEmpty() {
    assertThat(ranker.rank("never.seen", NO_CONTEXT, 5, T0)).isEmpty();
    assertThat(ranker.mostUsed("never.seen", NO_CONTEXT)).isEmpty();
  }

  @Test
  void learn_fromScratch_movesTheTopValue() {
    int t = 0;
    for (int i = 0; i < 5; i++) {
      ranker.learn("db.engine", NO_CONTEXT, "sqlite", true, at(t++));
    }
    assertThat(top("db.engine", NO_CONTEXT, t)).isEqualTo("sqlite");
    for (int i = 0; i < 30; i++) {
      ranker.learn("db.engine", NO_CONTEXT, "postgres", true, at(t++));
    }
    List<RankedValue> ranked = ranker.rank("db.engine", NO_CONTEXT, 5, at(t));
    assertThat(ranked).extracting(RankedValue::value).containsExactly("postgres", "sqlite");
    assertThat(ranked.get(0).confidence()).isGreaterThan(ranked.get(1).confidence());
  }

  @Test
  void rank_contextsMatter() {
    Map<String, String> api = Map.of("project", "api", "env", "prod");
    Map<String, String> web = Map.of("project", "web", "env", "prod");
    int t = 0;
    for (int i = 0; i < 40; i++) {
      ranker.learn("lang", api, "java", true, at(t++));
      ranker.learn("lang", web, "typescript", true, at(t++));
    }
    assertThat(top("lang", api, t)).isEqualTo("java");
    assertThat(top("lang", web, t)).isEqualTo("typescript");
    assertThat(top("lang", Map.of("project", "api", "env", "staging"), t)).isEqualTo("java");
    assertThat(ranker.rank("lang", api, 1, at(t)).get(0).confident()).isTrue();
  }

  @Test
  void newKey_isRankedByTheWeightsSharedAcrossKeys() {
    int t = 0;
    for (int i = 0; i < 200; i++) {
      ranker.learn("a", Map.of("team", "t" + (i % 4)), "value" + (i % 4), true, at(t++));
    }
    ranker.learn("b", Map.of("team", "red"), "x", true, at(t++));
    ranker.learn("b", Map.of("team", "blue"), "y", true, at(t++));
    assertThat(top("b", Map.of("team", "red"), t)).isEqualTo("x");
    assertThat(top("b", Map.of("team", "blue"), t)).isEqualTo("y");

    Ranker fresh = Ranker.create(RankerConfig.defaults(), Clock.fixed(T0, ZoneOffset.UTC));
    fresh.learn("b", Map.of("team", "red"), "x", true, at(0));
    fresh.learn("b", Map.of("team", "blue"), "y", true, at(1));
    assertThat(fresh.rank("b", Map.of("team", "blue"), 1, at(2)).get(0).value())
        .as("without a shared prior nothing is learned from two events")
        .isEqualTo("x");
  }

  /**
   * A value chosen often long ago and one chosen lately: each reason states what is true of it.
   * Reasons used to be swapped here ("often used" for the recent value, "used recently" for the
   * frequent one) because they followed raw contributions, where a negative weight on the log share
   * made the rarer value's the largest.
   */
  @Test
  void rank_reasonsTellRecentFromFrequent() {
    Map<String, String> context = Map.of("repo", "x");
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      ranker.learn("author", context, "often", true, t);
      t = t.plusSeconds(3600);
    }
    for (int i = 0; i < 3; i++) {
      ranker.learn("author", context, "lately", true, t);
      t = t.plusSeconds(3600);
    }

    Map<String, String> reasons = new HashMap<>();
    for (RankedValue v : ranker.rank("author", context, 2, t)) {
      reasons.put(v.value(), v.reason());
    }

    assertThat(reasons.get("lately")).startsWith("the value chosen last for this key");
    assertThat(reasons.get("often"))
        .contains("chosen 10 of the 13 times")
        .doesNotContain("last")
        .doesNotContain("recent");
  }

  @Test
  void rank_explainsEveryValue() {
    Map<String, String> context = Map.of("path", "docs/guide.md");
    for (int i = 0; i < 10; i++) {
      ranker.learn("scope", context, "docs", true, at(i));
      ranker.learn("scope", Map.of("path", "src/main.c"), "core", true, at(i));
    }
    List<RankedValue> ranked = ranker.rank("scope", context, 2, at(20));
    assertThat(ranked).hasSize(2);
    for (RankedValue v : ranked) {
      assertThat(v.contributions()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
      assertThat(v.reason()).isNotBlank().contains("used 10 times");
      assertThat(v.confidence()).isBetween(0.0, 1.0);
    }
    assertThat(ranked.get(0).value()).isEqualTo("docs");
    assertThat(ranked.get(0).contributions().values().iterator().next()).isPositive();
  }

  @Test
  void mostUsed_prefersTheExactContextThenTheKey() {
    Map<String, String> ci = Map.of("env", "ci");
    ranker.learn("log.level", NO_CONTEXT, "info", true, at(0));
    ranker.learn("log.level", NO_CONTEXT, "info", true, at(1));
    ranker.learn("log.level", ci, "debug", true, at(2));
    assertThat(ranker.mostUsed("log.level", ci)).contains("debug");
    assertThat(ranker.mostUsed("log.level", Map.of("env", "prod"))).contains("info");
  }

  @Test
  void learn_rejection_lowersTheValue() {
    for (int i = 0; i < 6; i++) {
      ranker.learn("editor", NO_CONTEXT, "vim", true, at(i));
    }
    for (int i = 0; i < 6; i++) {
      ranker.learn("editor", NO_CONTEXT, "emacs", true, at(10 + i));
    }
    ranker.learn("editor", NO_CONTEXT, "vim", true, at(19));
    assertThat(top("editor", NO_CONTEXT, 20)).isEqualTo("vim");
    for (int i = 0; i < 10; i++) {
      ranker.learn("editor", NO_CONTEXT, "vim", false, at(20 + i));
    }
    assertThat(top("editor", NO_CONTEXT, 40)).isEqualTo("emacs");
  }

  @Test
  void learn_beyondTheBound_evictsTheLeastUsedLately() {
    Ranker small =
        Ranker.create(
            RankerConfig.builder().maxCandidatesPerKey(3).build(), Clock.fixed(T0, ZoneOffset.UTC));
    for (int i = 0; i < 5; i++) {
      small.learn("k", NO_CONTEXT, "a", true, at(i));
      small.learn("k", NO_CONTEXT, "b", true, at(i));
    }
    small.learn("k", NO_CONTEXT, "rare", true, at(10));
    small.learn("k", NO_CONTEXT, "new", true, at(11));
    assertThat(small.rank("k", NO_CONTEXT, 10, at(12)))
        .extracting(RankedValue::value)
        .containsExactlyInAnyOrder("a", "b", "new");
  }

  @Test
  void learn_beyondTheContextBound_forgetsTheOldestContextValues() {
    Ranker small =
        Ranker.create(
            RankerConfig.builder().maxContextValuesPerKey(20).build(),
            Clock.fixed(T0, ZoneOffset.UTC));
    for (int i = 0; i < 200; i++) {
      small.learn("k", Map.of("path", "p" + i), "v" + (i % 3), true, at(i));
    }
    KeyStatistics stats = small.keys.get("k").stats;
    assertThat(stats.contextValues).isBetween(10, 21);
    int path = stats.fieldNumber("path");
    assertThat(stats.contextCounts(path, "p199", false)).isNotNull();
    assertThat(stats.contextCounts(path, "p0", false)).isNull();
    assertThat(small.rank("k", Map.of("path", "p0"), 3, at(200))).hasSize(3);
  }

  @Test
  void confidence_isCalibratedOnASyntheticStream() {
    Random random = new Random(7);
    String[][] choices = {{"a", "b", "c"}, {"x", "y", "z"}};
    double[][] odds = {{0.7, 0.2, 0.1}, {0.95, 0.04, 0.01}};
    double confidence = 0;
    double hits = 0;
    int scored = 0;
    for (int i = 0; i < 6000; i++) {
      int group = random.nextInt(2);
      Map<String, String> context = Map.of("group", "g" + group);
      double u = random.nextDouble();
      int pick = u < odds[group][0] ? 0 : u < odds[group][0] + odds[group][1] ? 1 : 2;
      String value = choices[group][pick];
      if (i >= 2000) {
        RankedValue best = ranker.rank("k", context, 1, at(i)).get(0);
        confidence += best.confidence();
        hits += best.value().equals(value) ? 1 : 0;
        scored++;
      }
      ranker.learn("k", context, value, true, at(i));
    }
    assertThat(confidence / scored)
        .isCloseTo(hits / scored, org.assertj.core.data.Offset.offset(0.03));
    assertThat(ranker.rank("k", Map.of("group", "g0"), 1, at(7000)).get(0).confidence())
        .isBetween(0.6, 0.8);
    assertThat(ranker.rank("k", Map.of("group", "g1"), 1, at(7000)).get(0).confidence())
        .isGreaterThan(0.88);
  }

  @Test
  void retrain_replaysTheRecentEvents() {
    for (int i = 0; i < 50; i++) {
      ranker.learn("k", Map.of("f", "v" + (i % 2)), "value" + (i % 2), true, at(i));
    }
    assertThat(ranker.retrain(20)).isEqualTo(20);
    // The first two events had no candidate to learn from yet.
    assertThat(ranker.retrain(1000)).isEqualTo(48);
    assertThat(top("k", Map.of("f", "v1"), 60)).isEqualTo("value1");
    assertThatThrownBy(() -> ranker.retrain(0)).hasMessageContaining("got 0");
  }

  @Test
  void retrainIfDue_followsTheUpdatePeriodOnTheClock() {
    MutableClock clock = new MutableClock(T0);
    Ranker r = Ranker.create(RankerConfig.defaults(), clock);
    assertThat(r.retrainIfDue()).isFalse();
    clock.now = T0.plus(Duration.ofHours(24));
    assertThat(r.retrainIfDue()).isTrue();
    assertThat(r.retrainIfDue()).isFalse();
  }

  @Test
  void rank_isSafeWhileLearningConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < 2; w++) {
        int writer = w;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    ranker.learn(
                        "k" + (i % 3),
                        Map.of("f", "v" + (i % 7)),
                        "value" + ((i * (writer + 1)) % 50),
                        i % 11 != 0,
                        at(i));
                  }
                }));
      }
      for (int r = 0; r < 2; r++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 2000; i++) {
                    for (RankedValue v : ranker.rank("k" + (i % 3), Map.of("f", "v1"), 5, at(i))) {
                      assertThat(v.confidence()).isBetween(0.0, 1.0);
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ranker.rank("k1", Map.of("f", "v1"), 100, at(3000))).hasSizeLessThanOrEqualTo(50);
  }

  @Test
  void arguments_areCheckedWithTheValuesInTheMessage() {
    assertThatThrownBy(() -> ranker.rank(" ", NO_CONTEXT, 1, T0))
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("key must not be blank");
    assertThatThrownBy(() -> ranker.rank("k", NO_CONTEXT, -1, T0)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> ranker.learn("k", NO_CONTEXT, null, true, T0))
        .hasMessageContaining("value must not be null for key k");
    assertThatThrownBy(() -> RankerConfig.builder().confidenceThreshold(1.5).build())
        .isInstanceOf(RankingException.class)
        .hasMessageContaining("confidenceThreshold must be within 0..1, got 1.5");
    assertThatThrownBy(() -> RankerConfig.builder().maxCandidatesPerKey(1).build())
        .hasMessageContaining("got 1");
  }

  /** A clock the test moves by hand. */
  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
