package dev.plandev.defaults.store;

import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.Change;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.Feedback;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.model.Page;
import dev.plandev.defaults.model.Resolution;
import dev.plandev.defaults.model.StorageException;
import dev.plandev.defaults.model.StoreStats;
import dev.plandev.defaults.model.UsageEvent;
import dev.plandev.defaults.security.SecretCipher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.sqlite.SQLiteConfig;

/**
 * The store on SQLite or PostgreSQL through plain JDBC: the package's one way in.
 *
 * <p>Each write is one transaction that also appends its audit rows, so the audit trail never
 * misses a change; writes of one process queue for a single lock and commit in groups ({@link
 * Transactions}). The work is done by one class per idea: {@link EntryReads} (find, resolve, list,
 * export), {@link EntryWrites} (single writes, import), {@link BatchWrites}, {@link AuditTrail},
 * {@link UsageLog}, {@link KeyRotation} and {@link StoreUpkeep}.
 */
public final class JdbcDefaultsStore implements DefaultsStore {
  /**
   * The schema version this build migrates a database to; a backup of a newer schema cannot be
   * restored by it.
   */
  public static final int SCHEMA_VERSION = SchemaVersion.LATEST;

  private final Transactions transactions;
  private final WriteFeed feed;
  private final Database db;
  private final EntryReads reads;
  private final EntryWrites writes;
  private final BatchWrites batches;
  private final AuditTrail audit;
  private final UsageLog usage;
  private final KeyRotation rotation;
  private final StoreUpkeep upkeep;
  private final StoreCondition condition;
  private final HighWaterMark mark;
  private final ApiKeys apiKeys;
  private final ReadinessProbe readiness;

  /**
   * Opens the configured database (SQLite under the data directory, or PostgreSQL), migrating its
   * schema to the current version first, with its meters in {@code registry}.
   *
   * @throws StorageException when the database cannot be opened or migrated
   */
  public static JdbcDefaultsStore open(PlandevConfig config, Clock clock, MeterRegistry registry) {
    return open(config, clock, registry, sqlite -> {});
  }

  /** As the public {@code open}, with SQLite's connection settings adjusted by {@code tuning}. */
  static JdbcDefaultsStore open(
      PlandevConfig config, Clock clock, MeterRegistry registry, Consumer<SQLiteConfig> tuning) {
    HighWaterMark mark = null;
    if (!config.postgres().enabled()) {
      UnfinishedRestore.refuseIfMarked(config.resolve(config.sqlite().path()).toAbsolutePath());
      mark = new HighWaterMark(config.resolve(config.sqlite().path()).toAbsolutePath(), clock);
      mark.refuseEmptied(config.sqlite().allowLostWrites());
    }
    Database db = Database.open(config, tuning);
    try {
      return open(config, clock, registry, db, mark);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  private static JdbcDefaultsStore open(
      PlandevConfig config, Clock clock, MeterRegistry registry, Database db, HighWaterMark mark) {
    EntryValidator validator =
        new EntryValidator(config.security().maxValueBytes(), config.security().maxContextFields());
    SecretCipher cipher =
        new SecretCipher(
            config.security().encryptionKey(), config.resolve(config.security().keyFile()));
    JdbcDefaultsStore store = new JdbcDefaultsStore(db, clock, validator, cipher, mark);
    try {
      // Damage is reported (log, /health) rather than refused: what can still be read may be
      // needed to export it. Lost writes are refused: serving on would hide them.
      store.upkeep.checkIntegrity(false);
      if (mark != null) {
        mark.refuseLost(store.upkeep.level(), config.sqlite().allowLostWrites());
      }
    } catch (RuntimeException e) {
      store.feed.close(); // not close(): the mark must keep the level this database lacks
      throw e;
    }
    store.transactions.registerMeters(registry);
    store.condition.registerMeters(registry);
    return store;
  }

  JdbcDefaultsStore(Database db, Clock clock, EntryValidator validator, SecretCipher cipher) {
    this(db, clock, validator, cipher, null);
  }

  private JdbcDefaultsStore(
      Database db, Clock clock, EntryValidator validator, SecretCipher cipher, HighWaterMark mark) {
    this.feed = WriteFeed.of(db);
    this.db = db;
    this.mark = mark;
    this.condition = new StoreCondition(clock, db.dialect() == Database.Dialect.POSTGRESQL);
    this.transactions = new Transactions(db, clock);
    StoredForm form = new StoredForm(cipher);
    WriteNotices notices = WriteNotices.of(db);
    this.audit = new AuditTrail(transactions, notices);
    this.reads = new EntryReads(transactions, form);
    this.writes = new EntryWrites(transactions, validator, cipher, form, audit);
    this.batches = new BatchWrites(transactions, validator, form, audit);
    this.usage = new UsageLog(transactions, validator, form, reads, notices);
    this.rotation = new KeyRotation(cipher, transactions, audit);
    this.upkeep = new StoreUpkeep(transactions, condition, db.description());
    this.apiKeys = new ApiKeys(transactions, audit);
    Transactions.Outcomes outcomes =
        new Transactions.Outcomes() {
          @Override
          public void committed() {
            condition.committed();
            if (mark != null) {
              mark.afterWrite(upkeep::level);
            }
          }

          @Override
          public void failed(StorageFault fault, String message) {
            condition.failed(fault, message);
          }

          @Override
          public void answered() {
            condition.answered();
          }

          @Override
          public void unreachable(StorageFault fault) {
            condition.unreachable(fault);
          }
        };
    transactions.tellOutcomesTo(outcomes);
    this.readiness = new ReadinessProbe(db, outcomes);
  }

  /**
   * The keys written to the database since the previous call, by this process or another (null:
   * they cannot all be told, forget everything): see {@link WriteFeed}.
   */
  public Supplier<Set<String>> externalWrites() {
    return feed::writtenKeys;
  }

  /** The API keys of the HTTP service, stored beside the defaults. */
  public ApiKeys apiKeys() {
    return apiKeys;
  }

  /**
   * Where the store lives, for health reports: {@code SQLite <file>} or {@code PostgreSQL <url>}.
   */
  public String description() {
    return db.description();
  }

  @Override
  public DefaultEntry create(DefaultSpec spec, Actor actor) {
    return writes.create(spec, actor);
  }

  @Override
  public DefaultEntry put(DefaultSpec spec, Actor actor) {
    return writes.put(spec, actor);
  }

  @Override
  public DefaultEntry update(long id, long expectedVersion, DefaultSpec spec, Actor actor) {
    return writes.update(id, expectedVersion, spec, actor);
  }

  @Override
  public DefaultEntry delete(long id, Long expectedVersion, Actor actor) {
    return writes.delete(id, expectedVersion, actor);
  }

  @Override
  public Optional<DefaultEntry> find(long id) {
    return reads.find(id);
  }

  @Override
  public Optional<DefaultEntry> find(String key, Context context) {
    return reads.find(key, context);
  }

  @Override
  public Optional<Resolution> resolve(String key, Context context) {
    return reads.resolve(key, context);
  }

  @Override
  public Page<DefaultEntry> list(ListQuery q) {
    return reads.list(q);
  }

  @Override
  public Page<Change> changes(String key, int page, int limit) {
    return audit.changes(key, page, limit);
  }

  @Override
  public BatchResult batch(List<BatchOperation> ops, boolean atomic, Actor actor) {
    return batches.batch(ops, atomic, actor);
  }

  @Override
  public UsageEvent recordUsage(Feedback f) {
    return usage.recordUsage(f);
  }

  @Override
  public List<UsageEvent> usageEvents(String key, long afterId, int limit) {
    return usage.usageEvents(key, afterId, limit);
  }

  @Override
  public List<ExportedDefault> exportAll() {
    return reads.exportAll();
  }

  @Override
  public ImportReport importAll(List<ExportedDefault> rows, boolean partial, Actor actor) {
    return writes.importAll(rows, partial, actor);
  }

  @Override
  public ImportReport checkImport(List<ExportedDefault> rows) {
    return writes.checkImport(rows);
  }

  @Override
  public int rotateKey(Actor actor) {
    return rotation.rotate(actor);
  }

  /**
   * Checks the database's integrity (recorded for {@link #health()}), then compacts and re-indexes
   * it: SQLite {@code VACUUM} and {@code REINDEX} after a WAL checkpoint, PostgreSQL {@code VACUUM
   * ANALYZE}. Writes of this process wait meanwhile.
   */
  public void maintain() {
    upkeep.maintain();
    if (mark != null) {
      mark.write(upkeep.level());
    }
  }

  /** Whether the database passed its last integrity check and whether writes are failing. */
  public StoreHealth health() {
    return condition.health();
  }

  /**
   * Empty when the store can serve now; otherwise why not, in words safe for any client: on
   * PostgreSQL, no server of {@code postgres.url} answers as the primary (asked of the server each
   * time, within a few seconds at most).
   */
  public Optional<String> whyNotReady() {
    return readiness.whyNotReady();
  }

  /** Counts for the stats endpoint. */
  public StoreStats stats() {
    return upkeep.stats();
  }

  /** Round-trip time of a trivial query, for health checks; throws when the database is down. */
  public Duration ping() {
    return upkeep.ping();
  }

  @Override
  public void close() {
    readiness.close();
    apiKeys.close();
    if (mark != null) {
      try {
        mark.write(upkeep.level());
      } catch (RuntimeException e) {
        // the database is failing; the mark keeps its last level, which is still true
      }
    }
    feed.close();
    db.close();
  }
}
