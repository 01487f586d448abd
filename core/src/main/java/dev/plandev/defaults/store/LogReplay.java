package dev.plandev.defaults.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.model.ValueType;
import dev.plandev.defaults.security.Fingerprint;
import dev.plandev.defaults.security.SecretCipher;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Replays the audit trail and the usage events of a store onto an older copy of its database (a
 * SQLite file, or a PostgreSQL schema), in the order they happened: the second half of a
 * point-in-time restore.
 *
 * <p>A change to a default replaces its row with the snapshot the trail recorded (which holds every
 * column); a usage event is appended and, like the feedback that made it, moves the usage figures
 * of the entry a resolve offered at that moment. Both rows keep their ids. A change and a usage
 * event of the same millisecond cannot be ordered from the log: the change is applied first.
 */
public final class LogReplay implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final ReplayClock clock = new ReplayClock();
  private final EntryReads reads;
  private final StoredForm form;
  private final Tx tx;

  private LogReplay(Database db, SecretCipher cipher, Tx tx) {
    this.db = db;
    this.form = new StoredForm(cipher);
    this.reads = new EntryReads(new Transactions(db, clock), form);
    this.tx = tx;
  }

  private static SecretCipher cipher(PlandevConfig config) {
    return new SecretCipher(
        config.security().encryptionKey(), config.resolve(config.security().keyFile()));
  }

  /**
   * Opens the SQLite store of {@code config} for a replay in one transaction, committed by {@link
   * #commit}.
   */
  public static LogReplay open(PlandevConfig config) {
    Database db = Database.open(config);
    try {
      Connection c = db.dedicatedConnection();
      c.setAutoCommit(false);
      return new LogReplay(db, cipher(config), new Tx(c));
    } catch (SQLException e) {
      db.close();
      throw new StorageException("cannot open " + db.description() + " for a replay", e);
    }
  }

  /**
   * A replay onto the store of {@code config} inside the transaction of {@code connection} (one
   * whose tables are the store's, e.g. a PostgreSQL connection on its schema), which the caller
   * commits: so that a restore and its replay stand or fall together.
   */
  public static LogReplay within(PlandevConfig config, Connection connection) {
    return new LogReplay(Database.open(config), cipher(config), Tx.borrowing(connection));
  }

  /** Applies one row of the audit trail. */
  public void apply(Change c) {
    try {
      insertChange(c);
      if (!AuditTrail.ENTITY.equals(c.entity())) {
        return; // API keys and key rotations leave the defaults as they are
      }
      if (c.newValue() == null) {
        EntryRows.delete(tx, c.entityId());
      } else {
        EntryRows.delete(tx, c.entityId());
        insertEntry(entry(c));
      }
    } catch (SQLException | IOException e) {
      throw new StorageException("cannot replay change " + c.id() + ": " + e.getMessage(), e);
    }
  }

  /** Applies one usage event, at its own moment. */
  public void apply(UsageEvent u) {
    try {
      PreparedStatement ps =
          tx.prepare(
              "INSERT INTO usage_events (id, key, context, value, outcome, suggested,"
                  + " occurred_at, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
      ps.setLong(1, u.id());
      ps.setString(2, u.key());
      ps.setString(3, u.context().toJson());
      ps.setString(4, u.value());
      ps.setString(5, u.outcome().wireName());
      ps.setString(6, u.suggested());
      ps.setLong(7, u.at().toEpochMilli());
      ps.setString(8, u.source());
      ps.executeUpdate();
      clock.now = u.at();
      Resolution offered = reads.resolveRaw(tx, u.key(), u.context());
      if (offered != null) {
        DefaultEntry e = offered.entry();
        String plain = form.plainValue(e);
        // The log holds fingerprints of secret values: compare like with like.
        String compared = e.secret() ? Fingerprint.of(plain) : plain;
        UsageLog.countUse(tx, e, compared, u.value(), u.suggested(), u.outcome(), u.at());
      }
    } catch (SQLException e) {
      throw new StorageException("cannot replay usage event " + u.id() + ": " + e.getMessage(), e);
    }
  }

  private void insertChange(Change c) throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO changes (id, entity, entity_id, entity_key, operation, old_value,"
                + " new_value, actor, correlation_id, changed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ps.setLong(1, c.id());
    ps.setString(2, c.entity());
    if (c.entityId() == null) {
      ps.setNull(3, Types.BIGINT);
    } else {
      ps.setLong(3, c.entityId());
    }
    ps.setString(4, c.key());
    ps.setString(5, c.operation());
    ps.setString(6, c.oldValue());
    ps.setString(7, c.newValue());
    ps.setString(8, c.actor());
    ps.setString(9, c.correlationId());
    ps.setLong(10, c.at().toEpochMilli());
    ps.executeUpdate();
  }

  /**
   * The row a change left, from its snapshot (older snapshots lack the usage figures and times).
   */
  private DefaultEntry entry(Change c) throws IOException {
    JsonNode n = JSON.readTree(c.newValue());
    Instant at = c.at();
    return new DefaultEntry(
        n.get("id").asLong(),
        n.get("key").asText(),
        n.get("value").asText(),
        ValueType.valueOf(n.get("valueType").asText().toUpperCase(Locale.ROOT)),
        n.path("valueSchema").isNull() ? null : n.path("valueSchema").asText(null),
        Context.parse(n.get("context").toString()),
        n.get("confidence").asDouble(),
        n.path("usageCount").asLong(0),
        n.path("successRate").asDouble(0),
        instant(n, "lastUsed", null),
        instant(n, "createdAt", at),
        instant(n, "updatedAt", at),
        instant(n, "expiresAt", null),
        n.get("deprecated").asBoolean(),
        n.get("secret").asBoolean(),
        n.get("version").asLong());
  }

  private static Instant instant(JsonNode n, String field, Instant absent) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? absent : Instant.parse(v.asText());
  }

  private void insertEntry(DefaultEntry e) throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO default_values (key, value, value_type, value_schema, context,"
                + " context_size, confidence, usage_count, success_rate, last_used, created_at,"
                + " updated_at, expires_at, is_deprecated, is_secret, version, id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    int next = EntryRows.bind(ps, e);
    ps.setLong(next, e.id());
    ps.executeUpdate();
  }

  /** Commits everything replayed (a replay {@link #within} a caller's transaction leaves it). */
  public void commit() {
    try {
      tx.connection.commit();
    } catch (SQLException e) {
      throw new StorageException("cannot commit the replay: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    tx.closeQuietly();
    db.close();
  }

  /** The moment of the event being replayed: what a resolve then took for now. */
  private static final class ReplayClock extends Clock {
    private volatile Instant now = Instant.EPOCH;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
