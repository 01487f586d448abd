package dev.plandev.server.web;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.InvalidInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * What the resolve explorer and the Learning page are asked about: a key and a context as typed
 * ({@code ?key=…&context=…}), and the messages to show next to either field when the engine refuses
 * them.
 */
final class KeyQuery {
  final String key;
  final String contextText;
  private final Map<String, String> errors = new HashMap<>();

  private KeyQuery(String key, String contextText) {
    this.key = key;
    this.contextText = contextText;
  }

  static KeyQuery of(io.javalin.http.Context ctx) {
    return new KeyQuery(DefaultsPages.param(ctx, "key"), DefaultsPages.param(ctx, "context"));
  }

  /** The page model this starts: the fields as typed and their errors. */
  Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    model.put("key", key);
    model.put("context", contextText);
    model.put("errors", errors);
    return model;
  }

  /** The context as typed; a refusal names the context field. */
  Context context() {
    return ContextText.parse(contextText);
  }

  /** Places each message of a refusal next to the key or the context field. */
  void refused(InvalidInputException e) {
    e.errors()
        .forEach(
            f ->
                errors.merge(
                    f.field().equals("key") ? "key" : "context", f.message(), (a, b) -> a));
  }
}
