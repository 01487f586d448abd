package dev.plandev.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.rank.RankedValue;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned engine behind SmartDefaults: learning, persistence, and its circuit breaker. */
class LearnedPredictorTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();

  PlandevConfig config(String... settings) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("dataDir", dir.toString());
    flags.put("redis.l1MaxBytes", "0"); // every predict reaches the engine
    for (String s : settings) {
      flags.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    return new ConfigLoader(dir, Map.of()).load(null, flags, Map.of()).config();
  }

  void choose(SmartDefaults d, String user, String value, int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(Duration.ofMinutes(1));
      d.feedback(
          new Feedback("plan.author", Context.of("user", user), value, Outcome.CHOSEN, null, "t"));
    }
    learned(d);
  }

  /** Awaits the background learning of every event written so far. */
  static void learned(SmartDefaults d) {
    try {
      d.catchUp().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("learning did not finish", e);
    }
  }

  @Test
  void learnsFromFeedback_explains_andResumesAfterRestart() {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      choose(d, "u1", "Ada", 3);
      choose(d, "u2", "Bob", 2);
      List<Prediction> p = d.predict("plan.author", Context.of("user", "u1"), 3);
      assertThat(p.get(0).value()).isEqualTo("Ada");
      assertThat(p.get(0).reason()).isNotEqualTo(LearnedPredictor.FALLBACK);
      assertThat(p.get(0).contributions()).isNotEmpty();
      assertThat(p.get(0).confidence()).isGreaterThan(p.get(1).confidence());
      assertThat(d.predict("plan.author", Context.of("user", "u2"), 1).get(0).value())
          .isEqualTo("Bob");
      assertThat(d.engineHealth().learnedEvents()).isEqualTo(5);
    }
    assertThat(dir.resolve("model/ranker.model")).exists();
    assertThat(dir.resolve("model/" + LearnedPredictor.OFFSET_FILE)).hasContent("5");
    try (SmartDefaults again = SmartDefaults.open(config(), clock)) {
      assertThat(again.engineHealth().learnedEvents()).isEqualTo(5);
      assertThat(again.predict("plan.author", Context.of("user", "u1"), 1).get(0).value())
          .isEqualTo("Ada");
      choose(again, "u1", "Ada", 1);
      assertThat(again.engineHealth().learnedEvents()).isEqualTo(6);
    }
  }

  @Test
  void eventsWrittenByAnotherProcess_areLearned() {
    try (SmartDefaults writer = SmartDefaults.open(config("ml.modelPath=model-a"), clock);
        SmartDefaults reader = SmartDefaults.open(config("ml.modelPath=model-b"), clock)) {
      choose(writer, "u1", "Zoé", 3);
      clock.advance(Duration.ofSeconds(2));
      reader.predict("plan.author", Context.of("user", "u1"), 1); // starts the catch-up
      learned(reader);
      assertThat(reader.predict("plan.author", Context.of("user", "u1"), 1).get(0).value())
          .isEqualTo("Zoé");
    }
  }

  @Test
  void beforeAnythingIsLearned_theStoredDefaultIsThePrediction() {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      assertThat(d.predict("plan.phases", Context.EMPTY, 3)).isEmpty();
      d.store().put(DefaultSpec.of("plan.phases", "4").withConfidence(0.9), Actor.of("t"));
      Prediction p = d.predict("plan.phases", Context.EMPTY, 3).get(0);
      assertThat(p.value()).isEqualTo("4");
      assertThat(p.confident()).isTrue();
      assertThat(p.reason()).contains("stored default");
    }
  }

  @Test
  void secretKeys_areNeverPredicted() {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      d.store().put(DefaultSpec.of("api.token", "hush").withSecret(true), Actor.of("t"));
      d.feedback(new Feedback("api.token", Context.EMPTY, "hush", Outcome.ACCEPTED, "hush", "t"));
      assertThat(d.predict("api.token", Context.EMPTY, 3)).isEmpty();
    }
  }

  @Test
  void predict_whenTheStoreFails_answersFromTheEngine_butNeverWithSecrets() throws Exception {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      choose(d, "u1", "Ada", 2);
      d.store().put(DefaultSpec.of("api.token", "hush").withSecret(true), Actor.of("t"));
      d.feedback(new Feedback("api.token", Context.EMPTY, "hush", Outcome.CHOSEN, null, "t"));
      learned(d);
      try (var c =
              java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("defaults.db"));
          var s = c.createStatement()) {
        s.execute("ALTER TABLE default_values RENAME TO default_values_away");
      }

      assertThat(d.predict("plan.author", Context.of("user", "u1"), 3))
          .extracting(Prediction::value)
          .containsExactly("Ada");
      assertThat(d.predict("api.token", Context.EMPTY, 3)).isEmpty();
    }
  }

  /** An engine that gets slow (or fails) on demand and counts how often it is asked to rank. */
  static final class Faulty implements RankingEngine {
    final RankingEngine real;
    final AtomicInteger ranked = new AtomicInteger();

    /** While set, every rank hangs until the latch opens: a slow engine, with no sleep. */
    volatile CountDownLatch stalled;

    volatile boolean fail;

    Faulty(RankingEngine real) {
      this.real = real;
    }

    @Override
    public List<RankedValue> rank(String key, Map<String, String> context, int limit) {
      ranked.incrementAndGet();
      if (fail) {
        throw new IllegalStateException("engine broken");
      }
      CountDownLatch stall = stalled;
      if (stall != null) {
        try {
          stall.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return real.rank(key, context, limit);
    }

    @Override
    public void learn(
        String key, Map<String, String> context, String value, boolean chosen, Instant at) {
      real.learn(key, context, value, chosen, at);
    }

    @Override
    public Optional<String> mostUsed(String key, Map<String, String> context) {
      return real.mostUsed(key, context);
    }

    @Override
    public boolean retrainIfDue() {
      return real.retrainIfDue();
    }

    @Override
    public void save() {
      real.save();
    }
  }

  @Test
  void slowEngine_answersWithTheMostUsedValue_andTheBreakerOpens() {
    Faulty[] engine = new Faulty[1];
    PlandevConfig c =
        config("ml.timeout=1s", "ml.breakerMinimumCalls=3", "ml.breakerWaitInOpen=30s");
    try (SmartDefaults d =
        SmartDefaults.open(c, clock, new SimpleMeterRegistry(), e -> engine[0] = new Faulty(e))) {
      choose(d, "u1", "Ada", 3);
      choose(d, "u1", "Bob", 1);
      CountDownLatch stall = new CountDownLatch(1);
      engine[0].stalled = stall;
      for (int i = 0; i < 3; i++) {
        List<Prediction> p = d.predict("plan.author", Context.of("user", "u1", "call", "" + i), 3);
        assertThat(p).extracting(Prediction::reason).containsExactly(LearnedPredictor.FALLBACK);
        assertThat(p.get(0).value()).isEqualTo("Ada");
      }
      assertThat(d.engineHealth().breaker()).isEqualTo("OPEN");
      assertThat(d.engineHealth().status()).isEqualTo("DEGRADED");
      int asked = engine[0].ranked.get();
      assertThat(
              d.predict("plan.author", Context.of("user", "u1", "call", "open"), 3).get(0).reason())
          .isEqualTo(LearnedPredictor.FALLBACK);
      assertThat(engine[0].ranked.get())
          .as("an open breaker does not call the engine")
          .isEqualTo(asked);

      engine[0].stalled = null;
      stall.countDown();
      clock.advance(Duration.ofSeconds(31));
      assertThat(
              d.predict("plan.author", Context.of("user", "u1", "call", "healed"), 3)
                  .get(0)
                  .reason())
          .isNotEqualTo(LearnedPredictor.FALLBACK);
    }
  }

  @Test
  void failingEngine_neverFailsTheCaller() {
    Faulty[] engine = new Faulty[1];
    try (SmartDefaults d =
        SmartDefaults.open(
            config(), clock, new SimpleMeterRegistry(), e -> engine[0] = new Faulty(e))) {
      choose(d, "u1", "Ada", 2);
      engine[0].fail = true;
      List<Prediction> p = d.predict("plan.author", Context.of("user", "u1"), 3);
      assertThat(p).extracting(Prediction::value).containsExactly("Ada");
      assertThat(p.get(0).reason()).isEqualTo(LearnedPredictor.FALLBACK);
    }
  }

  @Test
  void unreadableModel_isSetAside_andTheEngineRelearnsFromEvents() throws Exception {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      choose(d, "u1", "Ada", 3);
    }
    java.nio.file.Files.writeString(dir.resolve("model/ranker.model"), "garbage");
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      learned(d);
      assertThat(d.predict("plan.author", Context.of("user", "u1"), 1).get(0).value())
          .isEqualTo("Ada");
      assertThat(d.engineHealth().learnedEvents()).isEqualTo(3);
    }
    try (var files = java.nio.file.Files.list(dir.resolve("model"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("ranker.model.unreadable-"));
    }
  }
}
