package dev.plandev.defaults.cache;

import dev.plandev.defaults.security.Fingerprint;
import java.nio.charset.StandardCharsets;

/**
 * The names of plandev's keys in Redis, all behind a configurable prefix.
 *
 * <ul>
 *   <li>{@code def:{context}:{key}}: a cached resolution;
 *   <li>{@code gen:{key}} and {@code gen}: the generation tokens of a key and of everything (see
 *       {@link RedisResolutions});
 *   <li>{@code plandev:invalidate}: the channel of invalidations.
 * </ul>
 *
 * <p>All in db 0.
 *
 * <p>The context part is the canonical JSON of the context, or {@code h:} and the first 32 hex
 * digits of its SHA-256 when the JSON is longer than {@value #MAX_CONTEXT_CHARS} characters. The
 * name is unambiguous: the JSON always ends with the last {@code '}'} of the name, since keys cannot
 * hold one, and a hashed part never starts with {@code '{'}.
 */
final class RedisKeys {
  static final int MAX_CONTEXT_CHARS = 200;

  private final String prefix;

  RedisKeys(String prefix) {
    this.prefix = prefix;
  }

  String resolution(String contextJson, String key) {
    return prefix + "def:" + contextPart(contextJson) + ":" + key;
  }

  String generation(String key) {
    return prefix + "gen:" + key;
  }

  String globalGeneration() {
    return prefix + "gen";
  }

  String channel() {
    return prefix + "plandev:invalidate";
  }

  static String contextPart(String contextJson) {
    if (contextJson.length() <= MAX_CONTEXT_CHARS) {
      return contextJson;
    }
    return "h:" + Fingerprint.sha256Hex(contextJson.getBytes(StandardCharsets.UTF_8), 16);
  }
}
