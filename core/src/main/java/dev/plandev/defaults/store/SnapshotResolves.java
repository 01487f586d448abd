package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.security.SecretCipher;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Resolves as the store does, at a fixed moment, in the transaction of a caller's connection: the
 * sample of resolves a PostgreSQL backup records in its snapshot and its restore compares before
 * committing. Secret values are decrypted, so a sample also proves the key.
 */
public final class SnapshotResolves implements AutoCloseable {
  private final Database db;
  private final EntryReads reads;
  private final StoredForm form;
  private final Tx tx;

  private SnapshotResolves(Database db, StoredForm form, Instant at, Connection connection) {
    this.db = db;
    this.form = form;
    this.reads = new EntryReads(new Transactions(db, Clock.fixed(at, ZoneOffset.UTC)), form);
    this.tx = Tx.borrowing(connection);
  }

  /**
   * Resolves on {@code connection} (one whose tables are those of the store of {@code config}) as
   * of {@code at}.
   */
  public static SnapshotResolves within(PlandevConfig config, Connection connection, Instant at) {
    return new SnapshotResolves(
        Database.open(config),
        new StoredForm(
            new SecretCipher(
                config.security().encryptionKey(), config.resolve(config.security().keyFile()))),
        at,
        connection);
  }

  /** The resolution of {@code key} in {@code context}, as the store would answer it then. */
  public Optional<Resolution> resolve(String key, Context context) {
    try {
      Resolution r = reads.resolveRaw(tx, key, context);
      return Optional.ofNullable(r)
          .map(x -> new Resolution(form.reveal(x.entry()), x.matchedFields(), x.candidates()));
    } catch (SQLException e) {
      throw new StorageException("cannot resolve " + key + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    tx.closeQuietly();
    db.close();
  }
}
