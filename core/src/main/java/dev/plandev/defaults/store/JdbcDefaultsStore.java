package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.CanonicalJson;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.DuplicateEntryException;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.InvalidInputException;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Outcome;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StaleVersionException;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.StoreStats;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.security.Fingerprint;
import dev.plandev.defaults.security.SecretCipher;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The store on SQLite or PostgreSQL through plain JDBC.
 *
 * <p>Writes of one process go through a single lock: SQLite allows one writer anyway, and doing the
 * queueing here rather than in SQLite's busy loop keeps latency fair and predictable. Each write is
 * one transaction that also appends its audit rows, so the audit trail never misses a change.
 */
public final class JdbcDefaultsStore implements DefaultsStore {
  static final String ENTITY = "default_value";

  private final Database db;
  private final Clock clock;
  private final EntryValidator validator;
  private final SecretCipher cipher;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final WriteGroups writes;
  private final WriteFeed feed;

  /**
   * Opens the configured database (SQLite under the data directory, or PostgreSQL), migrating its
   * schema to the current version first, with its meters in {@code registry}.
   *
   * @throws StorageException when the database cannot be opened or migrated
   */
  public static JdbcDefaultsStore open(PlandevConfig config, Clock clock, MeterRegistry registry) {
    Database db = Database.open(config);
    EntryValidator validator =
        new EntryValidator(config.security().maxValueBytes(), config.security().maxContextFields());
    SecretCipher cipher =
        new SecretCipher(
            config.security().encryptionKey(), config.resolve(config.security().keyFile()));
    JdbcDefaultsStore store = new JdbcDefaultsStore(db, clock, validator, cipher);
    store.registerMeters(registry);
    return store;
  }

  JdbcDefaultsStore(Database db, Clock clock, EntryValidator validator, SecretCipher cipher) {
    this.feed = new WriteFeed(db);
    this.db = db;
    this.writes = new WriteGroups(writeLock, db::begin);
    this.clock = clock;
    this.validator = validator;
    this.cipher = cipher;
  }

  /** A unit of database work. */
  interface Work<T> {
    T run(Tx tx) throws SQLException;
  }

  <T> T read(String what, Work<T> work) {
    try (Tx tx = db.begin()) {
      return work.run(tx);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private void registerMeters(MeterRegistry registry) {
    writes.registerMeters(registry);
  }

  /** Runs {@code work} in a write transaction, committed with other callers' when they queue. */
  <T> T write(String what, Work<T> work) {
    return write(what, 1, work);
  }

  /** As {@link #write(String, Work)}, for a work of about {@code rows} rows. */
  <T> T write(String what, int rows, Work<T> work) {
    try {
      return writes.run(work, rows);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private StorageException failure(String what, SQLException e) {
    return new StorageException(
        "cannot " + what + " in " + db.description() + ": " + Database.rootMessage(e), e);
  }

  /**
   * The keys other connections wrote since the previous call (null: too many to tell, forget
   * everything), or null when the database cannot tell (PostgreSQL): see {@link WriteFeed}.
   */
  public Supplier<Set<String>> externalWrites() {
    return feed.available() ? feed::writtenKeys : null;
  }

  /** The API keys of the HTTP service, stored beside the defaults. */
  public ApiKeys apiKeys() {
    return new ApiKeys(this);
  }

  /**
   * Where the store lives, for health reports: {@code SQLite <file>} or {@code PostgreSQL <url>}.
   */
  public String description() {
    return db.description();
  }

  Instant now() {
    return Instant.ofEpochMilli(clock.millis());
  }

  // ---- single-entry writes -------------------------------------------------------------------

  @Override
  public DefaultEntry create(DefaultSpec spec, Actor actor) {
    DefaultSpec s = validator.validate(spec);
    return reveal(
        write(
            "create default " + s.key(),
            tx -> {
              DefaultEntry existing = selectRaw(tx, s.key(), s.context());
              if (existing != null) {
                throw new DuplicateEntryException(s.key(), s.context(), existing.id());
              }
              DefaultEntry created = insert(tx, stored(s, null, now()));
              audit(tx, "create", null, created, actor);
              flushAudit(tx);
              return created;
            }));
  }

  @Override
  public DefaultEntry put(DefaultSpec spec, Actor actor) {
    DefaultSpec s = validator.validate(spec);
    return reveal(
        write(
            "store default " + s.key(),
            tx -> {
              DefaultEntry existing = selectRaw(tx, s.key(), s.context());
              DefaultEntry next = stored(s, existing, now());
              DefaultEntry result;
              if (existing == null) {
                result = insert(tx, next);
                audit(tx, "create", null, result, actor);
              } else {
                updateRow(tx, next);
                result = next;
                audit(tx, "update", existing, next, actor);
              }
              flushAudit(tx);
              return result;
            }));
  }

  @Override
  public DefaultEntry update(long id, long expectedVersion, DefaultSpec spec, Actor actor) {
    DefaultSpec s = validator.validate(spec);
    return reveal(
        write(
            "update default " + id,
            tx -> {
              DefaultEntry existing = selectRaw(tx, id);
              if (existing == null) {
                throw notFound(id);
              }
              if (existing.version() != expectedVersion) {
                throw new StaleVersionException(id, expectedVersion, existing.version());
              }
              if (!existing.key().equals(s.key()) || !existing.context().equals(s.context())) {
                DefaultEntry clash = selectRaw(tx, s.key(), s.context());
                if (clash != null) {
                  throw new DuplicateEntryException(s.key(), s.context(), clash.id());
                }
              }
              DefaultEntry next = stored(s, existing, now());
              updateRow(tx, next);
              audit(tx, "update", existing, next, actor);
              flushAudit(tx);
              return next;
            }));
  }

  @Override
  public DefaultEntry delete(long id, Long expectedVersion, Actor actor) {
    return reveal(
        write(
            "delete default " + id,
            tx -> {
              DefaultEntry existing = selectRaw(tx, id);
              if (existing == null) {
                throw notFound(id);
              }
              if (expectedVersion != null && existing.version() != expectedVersion) {
                throw new StaleVersionException(id, expectedVersion, existing.version());
              }
              deleteRow(tx, id);
              audit(tx, "delete", existing, null, actor);
              flushAudit(tx);
              return existing;
            }));
  }

  private static EntryNotFoundException notFound(long id) {
    return new EntryNotFoundException(
        "no default with id " + id + "; list them with `plandev defaults list`");
  }

  // ---- reads ---------------------------------------------------------------------------------

  @Override
  public Optional<DefaultEntry> find(long id) {
    return Optional.ofNullable(read("read default " + id, tx -> selectRaw(tx, id)))
        .map(this::reveal);
  }

  @Override
  public Optional<DefaultEntry> find(String key, Context context) {
    return Optional.ofNullable(read("read default " + key, tx -> selectRaw(tx, key, context)))
        .map(this::reveal);
  }

  @Override
  public Optional<Resolution> resolve(String key, Context context) {
    Resolution r = read("resolve " + key, tx -> resolveRaw(tx, key, context));
    return Optional.ofNullable(r)
        .map(x -> new Resolution(reveal(x.entry()), x.matchedFields(), x.candidates()));
  }

  /*
   * Resolution: every live entry of the key is a candidate when its context is a subset of the
   * request's. The winner matches the most fields (global < project < project+env …), then has the
   * highest confidence, then was updated last, then has the lowest id, so the answer never depends
   * on row order.
   */
  private Resolution resolveRaw(Tx tx, String key, Context request) throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "SELECT "
                + EntryRows.COLUMNS
                + " FROM default_values WHERE key = ? AND is_deprecated = FALSE"
                + " AND (expires_at IS NULL OR expires_at > ?) AND context_size <= ?");
    ps.setString(1, key);
    ps.setLong(2, clock.millis());
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

  @Override
  public Page<DefaultEntry> list(ListQuery q) {
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
      where.append(" AND ").append(db.dialect().findFunction).append("(context, ?) > 0");
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
      args.add(clock.millis());
    }
    String order =
        " ORDER BY " + column(q.sortField()) + (q.descending() ? " DESC" : " ASC") + ", id ASC";
    return read(
        "list defaults",
        tx -> {
          long total;
          PreparedStatement count = tx.prepare("SELECT COUNT(*) FROM default_values" + where);
          bindAll(count, args);
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
          PreparedStatement ps =
              tx.prepare(
                  "SELECT "
                      + EntryRows.COLUMNS
                      + " FROM default_values"
                      + where
                      + order
                      + " LIMIT ? OFFSET ?");
          int next = bindAll(ps, args);
          ps.setInt(next, q.limit());
          ps.setLong(next + 1, (long) (q.page() - 1) * q.limit());
          List<DefaultEntry> items = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              items.add(reveal(EntryRows.read(rs)));
            }
          }
          return new Page<>(items, q.page(), q.limit(), total);
        });
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

  @Override
  public Page<Change> changes(String key, int page, int limit) {
    if (page < 1 || limit < 1 || limit > ListQuery.MAX_LIMIT) {
      throw new InvalidInputException(
          "page", "page must be 1 or more and limit 1.." + ListQuery.MAX_LIMIT);
    }
    String where = key == null ? "" : " WHERE entity_key = ?";
    return read(
        "read the audit trail",
        tx -> {
          PreparedStatement count = tx.prepare("SELECT COUNT(*) FROM changes" + where);
          if (key != null) {
            count.setString(1, key);
          }
          long total;
          try (ResultSet rs = count.executeQuery()) {
            rs.next();
            total = rs.getLong(1);
          }
          PreparedStatement ps =
              tx.prepare(
                  "SELECT id, entity, entity_id, entity_key, operation, old_value, new_value, actor,"
                      + " correlation_id, changed_at FROM changes"
                      + where
                      + " ORDER BY id DESC LIMIT ? OFFSET ?");
          int i = 1;
          if (key != null) {
            ps.setString(i++, key);
          }
          ps.setInt(i++, limit);
          ps.setLong(i, (long) (page - 1) * limit);
          List<Change> items = new ArrayList<>();
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long entityId = rs.getLong(3);
              items.add(
                  new Change(
                      rs.getLong(1),
                      rs.getString(2),
                      rs.wasNull() ? null : entityId,
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8),
                      rs.getString(9),
                      Instant.ofEpochMilli(rs.getLong(10))));
            }
          }
          return new Page<>(items, page, limit, total);
        });
  }

  // ---- batch ---------------------------------------------------------------------------------

  @Override
  public BatchResult batch(List<BatchOperation> ops, boolean atomic, Actor actor) {
    if (ops.size() > MAX_BATCH) {
      throw new InvalidInputException(
          "items",
          "a batch holds at most " + MAX_BATCH + " items; got " + ops.size() + "; split it");
    }
    BatchResult.Item[] results = new BatchResult.Item[ops.size()];
    DefaultSpec[] specs = new DefaultSpec[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      BatchOperation op = ops.get(i);
      try {
        if (op.kind() == BatchOperation.Kind.UPSERT) {
          specs[i] = validator.validate(op.spec());
        } else {
          List<InvalidInputException.FieldError> errors = new ArrayList<>();
          EntryValidator.checkKey(op.spec().key(), errors);
          if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
          }
          specs[i] = op.spec();
        }
      } catch (InvalidInputException e) {
        results[i] = failed(i, e.getMessage());
      }
    }
    boolean anyInvalid = java.util.Arrays.stream(results).anyMatch(r -> r != null);
    if (atomic && anyInvalid) {
      return rolledBack(results);
    }
    return write(
        "apply a batch of " + ops.size(),
        ops.size(),
        tx -> {
          BatchWriter writer = new BatchWriter(tx, db.dialect());
          Map<String, DefaultEntry> state = writer.prefetch(java.util.Arrays.asList(specs));
          int fresh = 0;
          for (int i = 0; i < ops.size(); i++) {
            if (results[i] == null
                && ops.get(i).kind() == BatchOperation.Kind.UPSERT
                && !state.containsKey(BatchWriter.slot(specs[i].key(), specs[i].context()))) {
              fresh++;
            }
          }
          writer.reserve(fresh);
          Instant now = now();
          boolean failed = false;
          for (int i = 0; i < ops.size(); i++) {
            if (results[i] != null) {
              continue;
            }
            results[i] = applyOne(tx, writer, i, ops.get(i), specs[i], state, now, actor);
            failed |= results[i].status() == BatchResult.Status.FAILED;
          }
          if (atomic && failed) {
            tx.undo();
            return rolledBack(results);
          }
          writer.flush();
          flushAudit(tx);
          return new BatchResult(true, List.of(results));
        });
  }

  private BatchResult.Item applyOne(
      Tx tx,
      BatchWriter writer,
      int index,
      BatchOperation op,
      DefaultSpec spec,
      Map<String, DefaultEntry> state,
      Instant now,
      Actor actor)
      throws SQLException {
    String slot = BatchWriter.slot(spec.key(), spec.context());
    DefaultEntry existing = state.get(slot);
    if (op.expectedVersion() != null
        && (existing == null || existing.version() != op.expectedVersion())) {
      return failed(
          index,
          existing == null
              ? "no entry for key " + spec.key() + " and context " + spec.context().toJson()
              : "entry "
                  + existing.id()
                  + " is at version "
                  + existing.version()
                  + ", the item expected version "
                  + op.expectedVersion());
    }
    if (op.kind() == BatchOperation.Kind.DELETE) {
      if (existing == null) {
        return failed(
            index, "no entry for key " + spec.key() + " and context " + spec.context().toJson());
      }
      writer.beforeChanging(existing.id());
      deleteRow(tx, existing.id());
      audit(tx, "delete", existing, null, actor);
      state.remove(slot);
      return new BatchResult.Item(
          index, BatchResult.Status.DELETED, existing.id(), existing.version(), null);
    }
    DefaultEntry next = stored(spec, existing, now);
    if (existing == null) {
      next = writer.insert(next);
      audit(tx, "create", null, next, actor);
    } else {
      writer.beforeChanging(existing.id());
      updateRow(tx, next);
      audit(tx, "update", existing, next, actor);
    }
    state.put(slot, next);
    return new BatchResult.Item(
        index,
        existing == null ? BatchResult.Status.CREATED : BatchResult.Status.UPDATED,
        next.id(),
        next.version(),
        null);
  }

  private static BatchResult.Item failed(int index, String message) {
    return new BatchResult.Item(index, BatchResult.Status.FAILED, null, null, message);
  }

  private static BatchResult rolledBack(BatchResult.Item[] results) {
    List<BatchResult.Item> items = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      BatchResult.Item r = results[i];
      items.add(
          r != null && r.status() == BatchResult.Status.FAILED
              ? r
              : new BatchResult.Item(i, BatchResult.Status.NOT_APPLIED, null, null, null));
    }
    return new BatchResult(false, items);
  }

  // ---- usage ---------------------------------------------------------------------------------

  @Override
  public UsageEvent recordUsage(Feedback f) {
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
    return write(
        "record feedback for " + f.key(),
        tx -> {
          Instant now = now();
          Resolution offered = resolveRaw(tx, f.key(), f.context());
          boolean secret = offered != null && offered.entry().secret();
          String value = secret ? Fingerprint.of(f.value()) : f.value();
          String suggested =
              secret && f.suggested() != null ? Fingerprint.of(f.suggested()) : f.suggested();
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
          long id;
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
          if (offered != null) {
            DefaultEntry e = offered.entry();
            String plain =
                e.secret()
                    ? cipher.decrypt(e.value(), SecretCipher.aad(e.key(), e.context()))
                    : e.value();
            boolean taken = plain.equals(f.value()) && f.outcome() != Outcome.REJECTED;
            boolean concerned = plain.equals(f.value()) || plain.equals(f.suggested());
            if (concerned) {
              long n = e.usageCount();
              double rate = (e.successRate() * n + (taken ? 1 : 0)) / (n + 1);
              PreparedStatement up =
                  tx.prepare(
                      "UPDATE default_values SET usage_count = usage_count + 1, success_rate = ?,"
                          + " last_used = ? WHERE id = ?");
              up.setDouble(1, rate);
              up.setLong(2, now.toEpochMilli());
              up.setLong(3, e.id());
              up.executeUpdate();
            }
          }
          return new UsageEvent(
              id, f.key(), f.context(), value, f.outcome(), suggested, now, f.source());
        });
  }

  @Override
  public List<UsageEvent> usageEvents(String key, long afterId, int limit) {
    return read(
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
              out.add(
                  new UsageEvent(
                      rs.getLong(1),
                      rs.getString(2),
                      Context.parse(rs.getString(3)),
                      rs.getString(4),
                      Outcome.parse(rs.getString(5)),
                      rs.getString(6),
                      Instant.ofEpochMilli(rs.getLong(7)),
                      rs.getString(8)));
            }
          }
          return out;
        });
  }

  // ---- export, import, key rotation -----------------------------------------------------------

  @Override
  public List<ExportedDefault> exportAll() {
    return read(
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

  @Override
  public ImportReport importAll(List<ExportedDefault> rows, boolean partial, Actor actor) {
    ImportCheck check = new ImportCheck(validator, cipher, now());
    List<DefaultEntry> good = new ArrayList<>();
    List<ImportReport.RowError> errors = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      try {
        good.add(check.toStored(rows.get(i)));
      } catch (PlandevException e) {
        errors.add(new ImportReport.RowError(i + 1, rows.get(i).key(), e.getMessage()));
      }
    }
    if (!errors.isEmpty() && !partial) {
      return new ImportReport(rows.size(), 0, errors);
    }
    int applied =
        write(
            "import " + good.size() + " defaults",
            good.size(),
            tx -> {
              for (DefaultEntry e : good) {
                DefaultEntry existing = selectRaw(tx, e.key(), e.context());
                if (existing == null) {
                  audit(tx, "import", null, insert(tx, e), actor);
                } else {
                  DefaultEntry replaced = withId(e, existing.id());
                  updateRow(tx, replaced);
                  audit(tx, "import", existing, replaced, actor);
                }
              }
              flushAudit(tx);
              return good.size();
            });
    return new ImportReport(rows.size(), applied, errors);
  }

  @Override
  public int rotateKey(Actor actor) {
    List<String> retired = cipher.beginRotation();
    int count =
        write(
            "re-encrypt secrets",
            WriteGroups.MAX_GROUP,
            tx -> new KeyRotation(cipher, clock).reencrypt(tx, actor, retired));
    cipher.finishRotation();
    return count;
  }

  // ---- row helpers ---------------------------------------------------------------------------

  private DefaultEntry stored(DefaultSpec s, DefaultEntry existing, Instant now) {
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

  private DefaultEntry reveal(DefaultEntry raw) {
    return raw.secret()
        ? raw.withValue(cipher.decrypt(raw.value(), SecretCipher.aad(raw.key(), raw.context())))
        : raw;
  }

  static DefaultEntry withId(DefaultEntry e, long id) {
    return new DefaultEntry(
        id,
        e.key(),
        e.value(),
        e.valueType(),
        e.valueSchema(),
        e.context(),
        e.confidence(),
        e.usageCount(),
        e.successRate(),
        e.lastUsed(),
        e.createdAt(),
        e.updatedAt(),
        e.expiresAt(),
        e.deprecated(),
        e.secret(),
        e.version());
  }

  private static DefaultEntry selectRaw(Tx tx, long id) throws SQLException {
    PreparedStatement ps =
        tx.prepare("SELECT " + EntryRows.COLUMNS + " FROM default_values WHERE id = ?");
    ps.setLong(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? EntryRows.read(rs) : null;
    }
  }

  private static DefaultEntry selectRaw(Tx tx, String key, Context context) throws SQLException {
    PreparedStatement ps =
        tx.prepare(
            "SELECT " + EntryRows.COLUMNS + " FROM default_values WHERE key = ? AND context = ?");
    ps.setString(1, key);
    ps.setString(2, context.toJson());
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? EntryRows.read(rs) : null;
    }
  }

  private static DefaultEntry insert(Tx tx, DefaultEntry e) throws SQLException {
    PreparedStatement ps = tx.prepare(EntryRows.INSERT);
    EntryRows.bind(ps, e);
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return withId(e, rs.getLong(1));
    }
  }

  private static void updateRow(Tx tx, DefaultEntry e) throws SQLException {
    PreparedStatement ps = tx.prepare(EntryRows.UPDATE);
    int next = EntryRows.bind(ps, e);
    ps.setLong(next, e.id());
    ps.executeUpdate();
  }

  private static void deleteRow(Tx tx, long id) throws SQLException {
    PreparedStatement ps = tx.prepare("DELETE FROM default_values WHERE id = ?");
    ps.setLong(1, id);
    ps.executeUpdate();
  }

  static final String AUDIT_INSERT =
      "INSERT INTO changes (entity, entity_id, entity_key, operation, old_value, new_value, actor,"
          + " correlation_id, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Appends an audit row about something other than a default (an API key, a key rotation). */
  void auditEntity(
      Tx tx, String entity, long id, String op, String before, String after, Actor actor)
      throws SQLException {
    PreparedStatement ps = tx.prepare(AUDIT_INSERT);
    ps.setString(1, entity);
    ps.setLong(2, id);
    ps.setNull(3, java.sql.Types.VARCHAR);
    ps.setString(4, op);
    ps.setString(5, before);
    ps.setString(6, after);
    ps.setString(7, actor.name());
    ps.setString(8, actor.correlationId());
    ps.setLong(9, clock.millis());
    ps.addBatch();
    ps.executeBatch();
  }

  /**
   * Compacts and re-indexes the database: SQLite {@code VACUUM} and {@code REINDEX} after a WAL
   * checkpoint, PostgreSQL {@code VACUUM ANALYZE}. Neither may run inside a transaction.
   */
  public void maintain() {
    writeLock.lock();
    try (Tx tx = db.begin();
        java.sql.Statement s = tx.connection.createStatement()) {
      if (db.dialect() == Database.Dialect.SQLITE) {
        s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        s.execute("VACUUM");
        s.execute("REINDEX");
      } else {
        for (String table :
            new String[] {"default_values", "changes", "usage_events", "api_keys"}) {
          s.execute("VACUUM ANALYZE " + table);
        }
      }
    } catch (SQLException e) {
      throw failure("maintain the database", e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Counts for the stats endpoint. */
  public StoreStats stats() {
    return read(
        "count entries",
        tx -> {
          PreparedStatement ps =
              tx.prepare(
                  "SELECT (SELECT COUNT(*) FROM default_values),"
                      + " (SELECT COUNT(*) FROM default_values WHERE is_deprecated = FALSE"
                      + " AND (expires_at IS NULL OR expires_at > ?)),"
                      + " (SELECT COUNT(*) FROM default_values WHERE is_secret = TRUE),"
                      + " (SELECT COUNT(*) FROM changes), (SELECT COUNT(*) FROM usage_events)");
          ps.setLong(1, clock.millis());
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new StoreStats(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
          }
        });
  }

  /** Round-trip time of a trivial query, for health checks; throws when the database is down. */
  public java.time.Duration ping() {
    long start = System.nanoTime();
    read(
        "check the database",
        tx -> {
          try (ResultSet rs = tx.prepare("SELECT 1").executeQuery()) {
            return rs.next();
          }
        });
    return java.time.Duration.ofNanos(System.nanoTime() - start);
  }

  private void audit(Tx tx, String op, DefaultEntry before, DefaultEntry after, Actor actor)
      throws SQLException {
    DefaultEntry subject = after != null ? after : before;
    PreparedStatement ps = tx.prepare(AUDIT_INSERT);
    ps.setString(1, ENTITY);
    ps.setLong(2, subject.id());
    ps.setString(3, subject.key());
    ps.setString(4, op);
    ps.setString(5, EntryRows.snapshot(before));
    ps.setString(6, EntryRows.snapshot(after));
    ps.setString(7, actor.name());
    ps.setString(8, actor.correlationId());
    ps.setLong(9, clock.millis());
    ps.addBatch();
  }

  private static void flushAudit(Tx tx) throws SQLException {
    tx.prepare(AUDIT_INSERT).executeBatch();
  }

  @Override
  public void close() {
    feed.close();
    db.close();
  }
}
