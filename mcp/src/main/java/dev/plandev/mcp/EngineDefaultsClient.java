package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.SuggestedValue;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The plans module's {@link DefaultsClient} over the engine of this process, recording feedback
 * with source {@code mcp}. Like the CLI's adapter, the engine is fetched on first use, so a store
 * that cannot open becomes a generator warning rather than a failed {@code plan_new}.
 */
final class EngineDefaultsClient implements DefaultsClient {
  private final Supplier<SmartDefaults> engine;

  EngineDefaultsClient(Supplier<SmartDefaults> engine) {
    this.engine = engine;
  }

  @Override
  public List<SuggestedValue> suggest(String key, Map<String, String> context, int limit) {
    return engine.get().predict(key, Context.of(context), limit).stream()
        .map(p -> new SuggestedValue(p.value(), p.confidence(), p.reason()))
        .toList();
  }

  @Override
  public void feedback(
      String key, Map<String, String> context, String value, String outcome, String suggested) {
    engine
        .get()
        .feedback(
            new Feedback(
                key,
                Context.of(context),
                value,
                Outcome.parse(outcome),
                suggested,
                FeedbackTool.SOURCE));
  }
}
