package dev.plandev.defaults.cache;

import dev.plandev.defaults.security.Fingerprint;
import java.nio.charset.StandardCharsets;

/**
 * The names of plandev's keys in Redis, all behind a configurable prefix.
 *
 * <ul>
 *   <li>db 0 {@code def:{context}:{key}}: a cached resolution; {@code gen:{key}} and {@code gen}:
 *       the generation tokens of a key and of everything (see {@link RedisResolutions});
 *   <li>db 1 {@code stats:{key}}: usage statistics;
 *   <li>db 2 {@code ml:model:{key}}: ranking models.
 * </ul>
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

  String stats(String key) {
    return prefix + "stats:" + key;
  }

  String model(String key) {
    return prefix + "ml:model:" + key;
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
