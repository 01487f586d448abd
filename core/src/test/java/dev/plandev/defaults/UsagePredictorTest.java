package dev.plandev.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predictions when learned ranking is turned off: usage counts, and a reason that says so. */
class UsagePredictorTest {
  @TempDir Path dir;

  PlandevConfig config() {
    return new ConfigLoader(dir, Map.of())
        .load(null, Map.of("dataDir", dir.toString(), "ml.enabled", "false"), Map.of())
        .config();
  }

  @Test
  void reason_saysWhatRankedTheValue_andThatLearningIsTurnedOff() {
    try (SmartDefaults d = SmartDefaults.open(config(), new TestClock())) {
      for (int i = 0; i < 3; i++) {
        d.feedback(
            new Feedback(
                "plan.author", Context.of("user", "u1"), "Ada", Outcome.CHOSEN, null, "t"));
      }
      d.feedback(
          new Feedback("plan.author", Context.of("user", "u2"), "Bob", Outcome.CHOSEN, null, "t"));

      List<Prediction> p = d.predict("plan.author", Context.of("user", "u1"), 2);

      assertThat(p).extracting(Prediction::value).containsExactly("Ada", "Bob");
      assertThat(p.get(0).reason())
          .isEqualTo(
              "used 3 times, weighted by how much of this context it shared"
                  + " (learned ranking is turned off: ml.enabled=false)");
      assertThat(p.get(1).reason()).startsWith("used 1 time, ");
    }
  }
}
