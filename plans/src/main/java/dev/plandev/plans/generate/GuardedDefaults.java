package dev.plandev.plans.generate;

import dev.plandev.plans.PlanException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link DefaultsClient} that never fails: the first error is turned into a warning and the
 * client is not called again during this generation, so a down service costs one timeout, not one
 * per prompt.
 */
final class GuardedDefaults {
  private final DefaultsClient client;
  private final List<String> warnings = new ArrayList<>();
  private boolean broken;

  GuardedDefaults(DefaultsClient client) {
    this.client = client;
  }

  List<SuggestedValue> suggest(String key, Map<String, String> context, int limit) {
    if (broken) {
      return List.of();
    }
    try {
      return client.suggest(key, context, limit);
    } catch (RuntimeException e) {
      fail("suggestions", e);
      return List.of();
    }
  }

  void feedback(
      String key, Map<String, String> context, String value, String outcome, String suggested) {
    if (broken) {
      return;
    }
    try {
      client.feedback(key, context, value, outcome, suggested);
    } catch (RuntimeException e) {
      fail("learning", e);
    }
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  private void fail(String what, RuntimeException e) {
    broken = true;
    warnings.add(
        "smart defaults unavailable for "
            + what
            + " ("
            + (e instanceof PlanException ? e.getMessage() : "an internal error")
            + "); the templates' own defaults were used");
  }
}
