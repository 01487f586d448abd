package dev.plandev.defaults.store;

import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.security.SecretCipher;
import java.time.Instant;

/**
 * How an entry is kept in the database versus how callers see it: a secret's value is stored as a
 * token encrypted for its key and context, and decrypted only on its way out of the store.
 */
final class StoredForm {
  private final SecretCipher cipher;

  StoredForm(SecretCipher cipher) {
    this.cipher = cipher;
  }

  /**
   * The row to write for {@code s}: the next version of {@code existing}, keeping its id, usage
   * figures and creation time, or (existing null) a first version created {@code now}.
   */
  DefaultEntry toStored(DefaultSpec s, DefaultEntry existing, Instant now) {
    String value =
        s.secret() ? cipher.encrypt(s.value(), SecretCipher.aad(s.key(), s.context())) : s.value();
    return new DefaultEntry(
        existing == null ? 0 : existing.id(),
        s.key(),
        value,
        s.valueType(),
        s.valueSchema(),
        s.context(),
        s.confidence(),
        existing == null ? 0 : existing.usageCount(),
        existing == null ? 0 : existing.successRate(),
        existing == null ? null : existing.lastUsed(),
        existing == null ? now : existing.createdAt(),
        now,
        s.expiresAt(),
        s.deprecated(),
        s.secret(),
        existing == null ? 1 : existing.version() + 1);
  }

  /** The entry as callers see it: a secret's value decrypted. */
  DefaultEntry reveal(DefaultEntry raw) {
    return raw.secret() ? raw.withValue(plainValue(raw)) : raw;
  }

  /** The value of a stored entry in plain text. */
  String plainValue(DefaultEntry raw) {
    return raw.secret()
        ? cipher.decrypt(raw.value(), SecretCipher.aad(raw.key(), raw.context()))
        : raw.value();
  }
}
