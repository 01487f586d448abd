package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.security.Fingerprint;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The usage log ({@code usage_events}): what callers did with the defaults offered to them, the
 * learning data of the ranking engine. Recording feedback also moves the usage figures (count,
 * success rate, last use) of the entry that was offered, in the same transaction.
 *
 * <p>Values of a secret entry are logged as fingerprints, never in plain text.
 */
final class UsageLog {
  private final Transactions transactions;
  private final EntryValidator validator;
  private final StoredForm form;
  private final EntryReads reads;
  private final WriteNotices notices;

  UsageLog(
      Transactions transactions,
      EntryValidator validator,
      StoredForm form,
      EntryReads reads,
      WriteNotices notices) {
    this.transactions = transactions;
    this.validator = validator;
    this.form = form;
    this.reads = reads;
    this.notices = notices;
  }

  UsageEvent recordUsage(Feedback f) {
    check(f);
    return transactions.write(
        "record feedback for " + f.key(),
        tx -> {
          Instant now = transactions.now();
          Resolution offered = reads.resolveRaw(tx, f.key(), f.context());
          boolean secret = offered != null && offered.entry().secret();
          String value = secret ? Fingerprint.of(f.value()) : f.value();
          String suggested =
              secret && f.suggested() != null ? Fingerprint.of(f.suggested()) : f.suggested();
          long id = insertEvent(tx, f, value, suggested, now);
          if (offered != null) {
            countUse(tx, offered.entry(), f, now);
          }
          // Feedback moves predictions and usage figures that other instances may hold.
          notices.announce(tx, List.of(f.key()));
          return new UsageEvent(
              id, f.key(), f.context(), value, f.outcome(), suggested, now, f.source());
        });
  }

  private void check(Feedback f) {
    List<InvalidInputException.FieldError> errors = new ArrayList<>();
    EntryValidator.checkKey(f.key(), errors);
    validator.checkContext(f.context(), errors);
    if (f.value() == null) {
      errors.add(new InvalidInputException.FieldError("value", "is required"));
    }
    if (f.outcome() == null) {
      errors.add(new InvalidInputException.FieldError("outcome", "is required"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** Appends the event with its values as they may be stored; returns its id. */
  private static long insertEvent(Tx tx, Feedback f, String value, String suggested, Instant now)
      throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "INSERT INTO usage_events (key, context, value, outcome, suggested, occurred_at,"
                + " source) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id");
    ps.setString(1, f.key());
    ps.setString(2, f.context().toJson());
    ps.setString(3, value);
    ps.setString(4, f.outcome().wireName());
    ps.setString(5, suggested);
    ps.setLong(6, now.toEpochMilli());
    ps.setString(7, f.source());
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Moves the usage figures of {@code offered} when the feedback concerns it: its value was taken,
   * or it was the suggestion. It counts as a success when taken and not rejected.
   */
  private void countUse(Tx tx, DefaultEntry offered, Feedback f, Instant now) throws SQLException {
    countUse(tx, offered, form.plainValue(offered), f.value(), f.suggested(), f.outcome(), now);
  }

  /**
   * Moves the usage figures of {@code offered}, whose value compares as {@code offeredValue}, for
   * feedback {@code value} / {@code suggested}; shared with the replay of a point-in-time restore,
   * which compares fingerprints of secrets, so that both compute the same figures.
   */
  static void countUse(
      Tx tx,
      DefaultEntry offered,
      String offeredValue,
      String value,
      String suggested,
      Outcome outcome,
      Instant now)
      throws SQLException {
    boolean taken = offeredValue.equals(value) && outcome != Outcome.REJECTED;
    boolean concerned = offeredValue.equals(value) || offeredValue.equals(suggested);
    if (!concerned) {
      return;
    }
    long n = offered.usageCount();
    double rate = (offered.successRate() * n + (taken ? 1 : 0)) / (n + 1);
    PreparedStatement up =
        tx.prepare(
            "UPDATE default_values SET usage_count = usage_count + 1, success_rate = ?,"
                + " last_used = ? WHERE id = ?");
    up.setDouble(1, rate);
    up.setLong(2, now.toEpochMilli());
    up.setLong(3, offered.id());
    up.executeUpdate();
  }

  /** Up to {@code limit} events after id {@code afterId}, of one key or (null) of all, by id. */
  List<UsageEvent> usageEvents(String key, long afterId, int limit) {
    return transactions.read(
        "read usage events",
        tx -> {
          PreparedStatement ps =
              tx.prepare(
                  "SELECT id, key, context, value, outcome, suggested, occurred_at, source"
                      + " FROM usage_events WHERE id > ?"
                      + (key == null ? "" : " AND key = ?")
                      + " ORDER BY id LIMIT ?");
          int i = 1;
          ps.setLong(i++, afterId);
          if (key != null) {
            ps.setString(i++, key);
          }
          ps.setInt(i, limit);
          List<UsageEvent> out = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(read(rs));
            }
          }
          return out;
        });
  }

  static UsageEvent read(ResultSet rs) throws SQLException {
    return new UsageEvent(
        rs.getLong(1),
        rs.getString(2),
        Context.parse(rs.getString(3)),
        rs.getString(4),
        Outcome.parse(rs.getString(5)),
        rs.getString(6),
        Instant.ofEpochMilli(rs.getLong(7)),
        rs.getString(8));
  }
}
