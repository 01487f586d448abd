package dev.plandev.defaults.rank;

import java.time.Instant;
import java.util.Map;

/**
 * One line of a replay file: at {@code ts}, {@code value} was chosen for {@code key} in {@code
 * context}.
 *
 * @param ts when the value was chosen
 * @param key the key whose value was chosen
 * @param context the context fields of the choice
 * @param value the chosen value
 */
public record ReplayEvent(Instant ts, String key, Map<String, String> context, String value) {
  public ReplayEvent {
    context = Map.copyOf(context);
  }
}
