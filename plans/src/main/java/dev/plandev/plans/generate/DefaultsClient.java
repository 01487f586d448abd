package dev.plandev.plans.generate;

import java.util.List;
import java.util.Map;

/**
 * The port through which plan generation asks the Smart Defaults engine for suggestions and tells
 * it what was answered; implemented in process over the core engine or over HTTP.
 *
 * <p>Keys are {@code plan.<template>.<prompt>}; contexts are flat string maps (template, language,
 * repository, directory, user, os). Implementations throw {@link DefaultsUnavailableException} with
 * a message saying why; the generator then falls back to the templates' static defaults and never
 * fails because of this port (any other exception counts as an internal error).
 */
public interface DefaultsClient {

  /** Outcome sent when the answer equals the suggestion. */
  String ACCEPTED = "accepted";

  /** Outcome sent for an answer that differs from the suggestion (or had none). */
  String CHOSEN = "chosen";

  /** Outcome sent for a suggestion that the answer overrode. */
  String REJECTED = "rejected";

  /** Up to {@code limit} ranked suggestions for the key in this context, best first. */
  List<SuggestedValue> suggest(String key, Map<String, String> context, int limit);

  /**
   * Records what happened to a suggestion.
   *
   * @param value the value the outcome is about
   * @param outcome {@link #ACCEPTED}, {@link #CHOSEN} or {@link #REJECTED}
   * @param suggested the value that was offered, or null
   */
  void feedback(
      String key, Map<String, String> context, String value, String outcome, String suggested);

  /** A client that never suggests and forgets everything: generation with static defaults only. */
  static DefaultsClient none() {
    return new DefaultsClient() {
      @Override
      public List<SuggestedValue> suggest(String key, Map<String, String> context, int limit) {
        return List.of();
      }

      @Override
      public void feedback(
          String key, Map<String, String> context, String value, String outcome, String suggested) {
        // nothing to learn
      }
    };
  }
}
