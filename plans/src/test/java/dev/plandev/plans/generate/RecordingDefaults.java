package dev.plandev.plans.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A DefaultsClient that suggests fixed values and records the feedback it is sent. */
public final class RecordingDefaults implements DefaultsClient {
  /** One feedback call. */
  public record Sent(
      String key, Map<String, String> context, String value, String outcome, String suggested) {}

  public final Map<String, String> suggestions = new HashMap<>();

  /** Several ranked values for a key, best first; takes precedence over {@link #suggestions}. */
  final Map<String, List<SuggestedValue>> ranked = new HashMap<>();

  public final List<Sent> feedback = new ArrayList<>();
  final List<String> asked = new ArrayList<>();

  @Override
  public List<SuggestedValue> suggest(String key, Map<String, String> context, int limit) {
    asked.add(key);
    if (ranked.containsKey(key)) {
      List<SuggestedValue> values = ranked.get(key);
      return values.subList(0, Math.min(limit, values.size()));
    }
    String v = suggestions.get(key);
    return v == null ? List.of() : List.of(new SuggestedValue(v, 0.9, "test"));
  }

  @Override
  public void feedback(
      String key, Map<String, String> context, String value, String outcome, String suggested) {
    feedback.add(new Sent(key, context, value, outcome, suggested));
  }
}
