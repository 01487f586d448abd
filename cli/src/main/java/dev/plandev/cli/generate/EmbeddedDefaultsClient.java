package dev.plandev.cli.generate;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.SuggestedValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link DefaultsClient} of the plans module over the Smart Defaults engine of this process.
 * The engine is taken from the supplier on first use, so a store that cannot be opened becomes a
 * warning of the generator instead of a failed command.
 */
public final class EmbeddedDefaultsClient implements DefaultsClient {
  private final Supplier<SmartDefaults> engine;

  public EmbeddedDefaultsClient(Supplier<SmartDefaults> engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
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
                key, Context.of(context), value, Outcome.parse(outcome), suggested, "cli"));
  }
}
