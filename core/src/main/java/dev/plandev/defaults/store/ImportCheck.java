package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.security.SecretCipher;
import java.time.Instant;

/**
 * Turns an imported row into a stored entry, refusing it with a message when any field is wrong.
 * Rows keep their timestamps, usage figures and version, so export → import → export is identical.
 */
final class ImportCheck {
  private final EntryValidator validator;
  private final SecretCipher cipher;
  private final Instant now;

  ImportCheck(EntryValidator validator, SecretCipher cipher, Instant now) {
    this.validator = validator;
    this.cipher = cipher;
    this.now = now;
  }

  DefaultEntry toStored(ExportedDefault row) {
    if (row.value() == null) {
      throw new InvalidInputException("value", "is required");
    }
    Context context = Context.parse(row.context());
    ValueType type = ValueType.parse(row.valueType() == null ? "string" : row.valueType());
    String stored = row.value();
    String plain = row.value();
    if (row.secret() && SecretCipher.isToken(row.value())) {
      plain = cipher.decrypt(row.value(), SecretCipher.aad(row.key(), context));
    }
    DefaultSpec spec =
        new DefaultSpec(
            row.key(),
            plain,
            type,
            row.valueSchema(),
            context,
            row.confidence(),
            row.expiresAt(),
            row.deprecated(),
            row.secret());
    DefaultSpec checked = validator.validate(spec);
    if (row.secret() && !SecretCipher.isToken(row.value())) {
      stored = cipher.encrypt(checked.value(), SecretCipher.aad(row.key(), context));
    } else if (!row.secret()) {
      stored = checked.value();
    }
    if (row.version() < 1) {
      throw new InvalidInputException("version", "must be 1 or more; got " + row.version());
    }
    if (row.usageCount() < 0) {
      throw new InvalidInputException(
          "usageCount", "must not be negative; got " + row.usageCount());
    }
    if (!(row.successRate() >= 0 && row.successRate() <= 1)) {
      throw new InvalidInputException(
          "successRate", "must be within 0..1; got " + row.successRate());
    }
    Instant created = row.createdAt() == null ? now : row.createdAt();
    return new DefaultEntry(
        0,
        row.key(),
        stored,
        type,
        row.valueSchema(),
        context,
        row.confidence(),
        row.usageCount(),
        row.successRate(),
        row.lastUsed(),
        created,
        row.updatedAt() == null ? created : row.updatedAt(),
        row.expiresAt(),
        row.deprecated(),
        row.secret(),
        row.version());
  }
}
