package dev.plandev.mcp;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.plans.generate.DefaultsClient;
import dev.plandev.plans.generate.DefaultsUnavailableException;
import dev.plandev.plans.generate.SuggestedValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/** The plans module's {@link DefaultsClient} over the Smart Defaults engine of this process. */
public final class EngineDefaultsClient implements DefaultsClient {
  private final Supplier<SmartDefaults> engine;
  private final String source;

  /**
   * A client that takes the engine from {@code engine} on first use only, so that a store that
   * cannot be opened becomes a warning of the generator instead of a failed command.
   *
   * @param source recorded with every feedback event, naming the way in: {@code cli}, {@code mcp}
   */
  public EngineDefaultsClient(Supplier<SmartDefaults> engine, String source) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public List<SuggestedValue> suggest(String key, Map<String, String> context, int limit) {
    try {
      return engine.get().predict(key, Context.of(context), limit).stream()
          .map(p -> new SuggestedValue(p.value(), p.confidence(), p.reason()))
          .toList();
    } catch (PlandevException e) {
      throw new DefaultsUnavailableException(e.getMessage(), e);
    }
  }

  @Override
  public void feedback(
      String key, Map<String, String> context, String value, String outcome, String suggested) {
    try {
      engine
          .get()
          .feedback(
              new Feedback(
                  key, Context.of(context), value, Outcome.parse(outcome), suggested, source));
    } catch (PlandevException e) {
      throw new DefaultsUnavailableException(e.getMessage(), e);
    }
  }
}
