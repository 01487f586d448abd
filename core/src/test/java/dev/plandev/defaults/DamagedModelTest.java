package dev.plandev.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.rank.DamagedModelFiles;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A model file is untrusted input: whatever is wrong with it, the engine opens, sets the file aside
 * and relearns from the usage events, and the next start reads the new model.
 */
class DamagedModelTest {
  @TempDir Path dir;
  final TestClock clock = new TestClock();

  PlandevConfig config() {
    return new ConfigLoader(dir, Map.of())
        .load(null, Map.of("dataDir", dir.toString(), "redis.l1MaxBytes", "0"), Map.of())
        .config();
  }

  void choose(SmartDefaults d, String value, int times) {
    for (int i = 0; i < times; i++) {
      clock.advance(Duration.ofMinutes(1));
      d.feedback(
          new Feedback("plan.author", Context.of("user", "u1"), value, Outcome.CHOSEN, null, "t"));
    }
    LearnedPredictorTest.learned(d);
  }

  @ParameterizedTest
  @EnumSource(DamagedModelFiles.Damage.class)
  void damagedModel_isSetAside_andTheEngineRelearns(DamagedModelFiles.Damage damage)
      throws Exception {
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      choose(d, "Ada", 3);
      choose(d, "Bob", 1);
    }
    Path model = dir.resolve("model/ranker.model");
    DamagedModelFiles.damage(model, damage);

    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      LearnedPredictorTest.learned(d);
      List<Prediction> p = d.predict("plan.author", Context.of("user", "u1"), 2);
      assertThat(p).extracting(Prediction::value).containsExactly("Ada", "Bob");
      assertThat(p.get(0).reason()).isNotEqualTo(LearnedPredictor.FALLBACK);
      assertThat(d.engineHealth().learnedEvents()).isEqualTo(4);
      choose(d, "Bob", 3);
    }
    try (Stream<Path> files = Files.list(dir.resolve("model"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(n -> n.startsWith("ranker.model.unreadable-"));
    }
    try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
      assertThat(d.engineHealth().learnedEvents()).as("the relearned model was saved").isEqualTo(7);
      LearnedPredictorTest.learned(d);
      assertThat(d.predict("plan.author", Context.of("user", "u1"), 1).get(0).value())
          .isEqualTo("Bob");
    }
  }

  /** A second damaged model is set aside beside the first, whose name stays as it was. */
  @Test
  void aSecondDamage_leavesTheFilesSetAsideBeforeAsTheyWere() throws Exception {
    Path model = dir.resolve("model/ranker.model");
    for (int damage = 0; damage < 2; damage++) {
      try (SmartDefaults d = SmartDefaults.open(config(), clock)) {
        choose(d, "Ada", 2);
      }
      DamagedModelFiles.damage(model, DamagedModelFiles.Damage.values()[0]);
      clock.advance(Duration.ofMinutes(1));
      SmartDefaults.open(config(), clock).close();
    }
    try (Stream<Path> files = Files.list(dir.resolve("model"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .filteredOn(n -> n.contains(".unreadable-"))
          .hasSize(4)
          .allMatch(n -> n.indexOf(".unreadable-") == n.lastIndexOf(".unreadable-"));
    }
  }
}
