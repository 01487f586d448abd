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
   * figures and creation time, or (existing null) a first version created {@code now}. A spec that
   * does not say whether it is secret keeps the secrecy of {@code existing}.
   */
  DefaultEntry toStored(DefaultSpec s, DefaultEntry existing, Instant now) {
    boolean secret = isSecret(s, existing);
    String value =
        secret ? cipher.encrypt(s.value(), SecretCipher.aad(s.key(), s.context())) : s.value();
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
        secret,
        existing == null ? 1 : existing.version() + 1);
  }

  /**
   * Whether the entry written for {@code s} over {@code existing} is secret: what the spec says,
   * else what the entry already is. Nothing but an explicit {@code false} makes a secret plain.
   */
  static boolean isSecret(DefaultSpec s, DefaultEntry existing) {
    if (s.secret() != null) {
      return s.secret();
    }
    return existing != null && existing.secret();
  }

  /**
   * {@code row}, a plain row about to replace a secret one, kept secret: its value encrypted. An
   * import file is data, not a decision to expose a secret; that takes an explicit write.
   */
  DefaultEntry keptSecret(DefaultEntry row) {
    if (row.secret()) {
      return row;
    }
    return new DefaultEntry(
        row.id(),
        row.key(),
        cipher.encrypt(row.value(), SecretCipher.aad(row.key(), row.context())),
        row.valueType(),
        row.valueSchema(),
        row.context(),
        row.confidence(),
        row.usageCount(),
        row.successRate(),
        row.lastUsed(),
        row.createdAt(),
        row.updatedAt(),
        row.expiresAt(),
        row.deprecated(),
        true,
        row.version());
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
