package dev.plandev.defaults.store;

import dev.plandev.defaults.model.CanonicalJson;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Resolution;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The store's reads of defaults: by id or key and context, resolution, listing and export. */
final class EntryReads {
  private final Transactions transactions;
  private final StoredForm form;

  EntryReads(Transactions transactions, StoredForm form) {
    this.transactions = transactions;
    this.form = form;
  }

  Optional<DefaultEntry> find(long id) {
    return Optional.ofNullable(
            transactions.read("read default " + id, tx -> EntryRows.select(tx, id)))
        .map(form::reveal);
  }

  Optional<DefaultEntry> find(String key, Context context) {
    return Optional.ofNullable(
            transactions.read("read default " + key, tx -> EntryRows.select(tx, key, context)))
        .map(form::reveal);
  }

  Optional<Resolution> resolve(String key, Context context) {
    Resolution r = transactions.read("resolve " + key, tx -> resolveRaw(tx, key, context));
    return Optional.ofNullable(r)
        .map(x -> new Resolution(form.reveal(x.entry()), x.matchedFields(), x.candidates()));
  }

  /**
   * The resolution of {@code key} in {@code request}, its entry as stored, or null for none.
   *
   * <p>Every live entry of the key is a candidate when its context is a subset of the request's.
   * The winner matches the most fields (global < project < project+env …), then has the highest
   * confidence, then was updated last, then has the lowest id, so the answer never depends on row
   * order.
   */
  Resolution resolveRaw(Tx tx, String key, Context request) throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "SELECT "
                + EntryRows.COLUMNS
                + " FROM default_values WHERE key = ? AND is_deprecated = FALSE"
                + " AND (expires_at IS NULL OR expires_at > ?) AND context_size <= ?");
    ps.setString(1, key);
    ps.setLong(2, transactions.millis());
    ps.setInt(3, request.size());
    DefaultEntry best = null;
    int candidates = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        DefaultEntry e = EntryRows.read(rs);
        if (!e.context().isSubsetOf(request)) {
          continue;
        }
        candidates++;
        if (best == null || better(e, best)) {
          best = e;
        }
      }
    }
    return best == null ? null : new Resolution(best, best.context().size(), candidates);
  }

  private static boolean better(DefaultEntry a, DefaultEntry b) {
    if (a.context().size() != b.context().size()) {
      return a.context().size() > b.context().size();
    }
    if (a.confidence() != b.confidence()) {
      return a.confidence() > b.confidence();
    }
    if (!a.updatedAt().equals(b.updatedAt())) {
      return a.updatedAt().isAfter(b.updatedAt());
    }
    return a.id() < b.id();
  }

  /** The {@code WHERE} clause of a list query and the values of its parameters, in order. */
  private record Filter(String where, List<Object> args) {}

  Page<DefaultEntry> list(ListQuery q) {
    Filter filter = filter(q);
    String order =
        " ORDER BY " + column(q.sortField()) + (q.descending() ? " DESC" : " ASC") + ", id ASC";
    return transactions.read(
        "list defaults",
        tx -> {
          long total = count(tx, filter);
          PreparedStatement ps =
              tx.prepare(
                  "SELECT "
                      + EntryRows.COLUMNS
                      + " FROM default_values"
                      + filter.where()
                      + order
                      + " LIMIT ? OFFSET ?");
          int next = bindAll(ps, filter.args());
          ps.setInt(next, q.limit());
          ps.setLong(next + 1, (long) (q.page() - 1) * q.limit());
          List<DefaultEntry> items = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              items.add(form.reveal(EntryRows.read(rs)));
            }
          }
          return new Page<>(items, q.page(), q.limit(), total);
        });
  }

  private Filter filter(ListQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> args = new ArrayList<>();
    if (q.keyPrefix() != null && !q.keyPrefix().isEmpty()) {
      where.append(" AND substr(key, 1, ?) = ?");
      args.add(q.keyPrefix().length());
      args.add(q.keyPrefix());
    }
    for (Map.Entry<String, String> f : q.contextFields().entrySet()) {
      StringBuilder needle = new StringBuilder();
      CanonicalJson.quote(needle, f.getKey());
      needle.append(':');
      CanonicalJson.quote(needle, f.getValue());
      where.append(" AND ").append(transactions.dialect().findFunction).append("(context, ?) > 0");
      args.add(needle.toString());
    }
    if (q.deprecated() != null) {
      where.append(" AND is_deprecated = ?");
      args.add(q.deprecated());
    }
    if (q.expired() != null) {
      where.append(
          q.expired()
              ? " AND expires_at IS NOT NULL AND expires_at <= ?"
              : " AND (expires_at IS NULL OR expires_at > ?)");
      args.add(transactions.millis());
    }
    if (q.secret() != null) {
      where.append(" AND is_secret = ?");
      args.add(q.secret());
    }
    return new Filter(where.toString(), args);
  }

  private static long count(Tx tx, Filter filter) throws SQLException {
    PreparedStatement count = tx.prepare("SELECT COUNT(*) FROM default_values" + filter.where());
    bindAll(count, filter.args());
    try (ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static String column(String sortField) {
    return switch (sortField) {
      case "createdAt" -> "created_at";
      case "updatedAt" -> "updated_at";
      case "usageCount" -> "usage_count";
      case "successRate" -> "success_rate";
      case "lastUsed" -> "last_used";
      case "expiresAt" -> "expires_at";
      case "confidence" -> "confidence";
      case "id" -> "id";
      default -> "key";
    };
  }

  private static int bindAll(PreparedStatement ps, List<Object> args) throws SQLException {
    int i = 1;
    for (Object a : args) {
      if (a instanceof Integer n) {
        ps.setInt(i++, n);
      } else if (a instanceof Long n) {
        ps.setLong(i++, n);
      } else if (a instanceof Boolean b) {
        ps.setBoolean(i++, b);
      } else {
        ps.setString(i++, (String) a);
      }
    }
    return i;
  }

  /** Every stored row in export form (secrets stay encrypted), by key and context. */
  List<ExportedDefault> exportAll() {
    return transactions.read(
        "export defaults",
        tx -> {
          List<ExportedDefault> out = new ArrayList<>();
          PreparedStatement ps =
              tx.prepare(
                  "SELECT " + EntryRows.COLUMNS + " FROM default_values ORDER BY key, context");
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(EntryRows.export(EntryRows.read(rs)));
            }
          }
          return out;
        });
  }
}
