package dev.plandev.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Prediction;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.plans.generate.SuggestedValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineDefaultsClientTest {
  private static final Map<String, String> ADA = Map.of("user", "ada");

  @TempDir Path dir;
  SmartDefaults engine;

  @BeforeEach
  void open() {
    engine = TestPlans.engine(dir);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void feedback_isRecordedWithTheSourceOfTheClient() {
    new EngineDefaultsClient(() -> engine, "cli")
        .feedback("plan.author", ADA, "Ada", "chosen", null);
    new EngineDefaultsClient(() -> engine, "mcp")
        .feedback("plan.author", ADA, "Ada", "accepted", "Ada");

    List<UsageEvent> events = engine.store().usageEvents("plan.author", 0, 10);
    assertThat(events).extracting(UsageEvent::source).containsExactly("cli", "mcp");
    assertThat(events.get(1).suggested()).isEqualTo("Ada");
    assertThat(events.get(0).context()).isEqualTo(Context.of(ADA));
  }

  @Test
  void suggest_givesTheEnginesPredictions() {
    EngineDefaultsClient client = new EngineDefaultsClient(() -> engine, "cli");
    for (int i = 0; i < 3; i++) {
      client.feedback("plan.author", ADA, "Ada", "chosen", null);
    }

    List<SuggestedValue> suggested = client.suggest("plan.author", ADA, 3);

    Prediction first = engine.predict("plan.author", Context.of(ADA), 3).get(0);
    assertThat(suggested.get(0))
        .isEqualTo(new SuggestedValue(first.value(), first.confidence(), first.reason()));
    assertThat(suggested.get(0).value()).isEqualTo("Ada");
  }

  @Test
  void engine_isOpenedOnFirstUseOnly() {
    AtomicInteger opened = new AtomicInteger();
    EngineDefaultsClient client =
        new EngineDefaultsClient(
            () -> {
              opened.incrementAndGet();
              return engine;
            },
            "cli");
    assertThat(opened).hasValue(0);

    client.suggest("plan.author", ADA, 1);

    assertThat(opened).hasValue(1);
  }

  @Test
  void missingEngineOrSource_isRefusedAtConstruction() {
    assertThatThrownBy(() -> new EngineDefaultsClient(null, "cli"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("engine");
    assertThatThrownBy(() -> new EngineDefaultsClient(() -> engine, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("source");
  }
}
