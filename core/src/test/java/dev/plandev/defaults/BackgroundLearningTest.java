package dev.plandev.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.rank.RankedValue;
import dev.plandev.defaults.testing.TestClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Learning new usage events happens off the request path: predictions answer with what is learned
 * so far while a catch-up fails or has a long way to go.
 */
class BackgroundLearningTest {
  /** Only turns a hang into a failure; no assertion depends on how long anything takes. */
  private static final long HANG = 60;

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

  void choose(SmartDefaults d, String value, int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(Duration.ofMinutes(1));
      d.feedback(
          new Feedback("plan.author", Context.of("user", "u1"), value, Outcome.CHOSEN, null, "t"));
    }
  }

  List<Prediction> predictOffThread(SmartDefaults d) throws Exception {
    return CompletableFuture.supplyAsync(
            () -> d.predict("plan.author", Context.of("user", "u1"), 3))
        .get(HANG, TimeUnit.SECONDS);
  }

  void sql(String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("defaults.db"));
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }

  @Test
  void predict_whenReadingUsageEventsFails_answersWithWhatIsLearned() throws Exception {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      choose(d, "Ada", 3);
      d.catchUp().get(HANG, TimeUnit.SECONDS);
      // A row the store cannot read: every read of the events after Ada's fails from here on.
      sql(
          "INSERT INTO usage_events (key, context, value, outcome, occurred_at)"
              + " VALUES ('plan.author', 'not json', 'Eve', 'chosen', 0)");
      clock.advance(Duration.ofSeconds(2));

      List<Prediction> p = d.predict("plan.author", Context.of("user", "u1"), 3);

      assertThat(p).extracting(Prediction::value).containsExactly("Ada");
      assertThat(p.get(0).reason()).isNotEqualTo(LearnedPredictor.FALLBACK);
      assertThatThrownBy(() -> d.catchUp().get(HANG, TimeUnit.SECONDS))
          .as("the catch-up itself fails, and says so to whoever awaits it")
          .isInstanceOf(ExecutionException.class);
      assertThat(d.engineHealth().status())
          .as("health says learning fails, while predictions go on")
          .isEqualTo("DEGRADED");
      assertThat(d.engineHealth().learningProblem()).startsWith("cannot learn usage events");
      clock.advance(Duration.ofSeconds(2));
      assertThat(d.predict("plan.author", Context.of("user", "u1", "again", "1"), 3))
          .extracting(Prediction::value)
          .containsExactly("Ada");

      sql("UPDATE usage_events SET context = '{}' WHERE context = 'not json'");
      choose(d, "Bob", 5);
      d.catchUp().get(HANG, TimeUnit.SECONDS);
      assertThat(d.predict("plan.author", Context.of("user", "u1"), 1).get(0).value())
          .isEqualTo("Bob");
      assertThat(d.engineHealth().learnedEvents()).isEqualTo(9);
      assertThat(d.engineHealth().status()).isEqualTo("UP");
      assertThat(d.engineHealth().learningProblem()).isEmpty();
    }
  }

  /** Learning blocks while the gate is shut, as a long catch-up would. */
  static final class Gated implements RankingEngine {
    final RankingEngine real;
    final CountDownLatch gate = new CountDownLatch(1);
    final CountDownLatch waiting = new CountDownLatch(1);
    volatile boolean shut;

    Gated(RankingEngine real) {
      this.real = real;
    }

    void open() {
      shut = false;
      gate.countDown();
    }

    @Override
    public void learn(
        String key, Map<String, String> context, String value, boolean chosen, Instant at) {
      if (shut) {
        waiting.countDown();
        try {
          gate.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      real.learn(key, context, value, chosen, at);
    }

    @Override
    public List<RankedValue> rank(String key, Map<String, String> context, int limit) {
      return real.rank(key, context, limit);
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
  void predict_duringALongCatchUp_answersWithTheLastModel_andLearnsWhenItEnds() throws Exception {
    Gated[] engine = new Gated[1];
    SmartDefaults d =
        SmartDefaults.open(
            config(), clock, new SimpleMeterRegistry(), e -> engine[0] = new Gated(e));
    try {
      choose(d, "Ada", 3);
      d.catchUp().get(HANG, TimeUnit.SECONDS);
      engine[0].shut = true;
      try (SmartDefaults otherProcess = SmartDefaults.open(config("ml.enabled=false"), clock)) {
        choose(otherProcess, "Bob", 20);
      }
      clock.advance(Duration.ofSeconds(2));
      CompletableFuture<Long> caughtUp = d.catchUp();
      assertThat(engine[0].waiting.await(HANG, TimeUnit.SECONDS)).isTrue();

      List<Prediction> during = predictOffThread(d);

      assertThat(during.get(0).value()).isEqualTo("Ada");
      assertThat(during.get(0).reason()).isNotEqualTo(LearnedPredictor.FALLBACK);
      assertThat(caughtUp).isNotDone();
      engine[0].open();
      assertThat(caughtUp.get(HANG, TimeUnit.SECONDS)).isEqualTo(23);
      assertThat(d.predict("plan.author", Context.of("user", "u1"), 1).get(0).value())
          .isEqualTo("Bob");
    } finally {
      engine[0].open(); // before closing, which waits for learning to stop
      d.close();
    }
  }
}
