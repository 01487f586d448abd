package dev.plandev.defaults.model;

import java.util.List;
import java.util.Optional;

/**
 * The durable home of defaults, their audit trail and their usage events.
 *
 * <p>Every write is one transaction, recorded in the audit trail with its {@link Actor}, and
 * acknowledged only once durable. Implementations are safe for use from many threads.
 */
public interface DefaultsStore extends AutoCloseable {

  /**
   * Stores a new entry.
   *
   * @throws DuplicateEntryException when the key and context already have an entry
   * @throws InvalidInputException when the spec breaks a validation rule
   */
  DefaultEntry create(DefaultSpec spec, Actor actor);

  /**
   * Creates the entry for the spec's key and context, or replaces the value of the existing one.
   */
  DefaultEntry put(DefaultSpec spec, Actor actor);

  Optional<DefaultEntry> find(long id);

  /** The entry with exactly this key and context, live or not. */
  Optional<DefaultEntry> find(String key, Context context);

  /**
   * Replaces an entry's user-set fields if it is still at {@code expectedVersion}.
   *
   * @throws StaleVersionException when someone changed it since that version
   * @throws EntryNotFoundException when it does not exist
   */
  DefaultEntry update(long id, long expectedVersion, DefaultSpec spec, Actor actor);

  /**
   * Deletes an entry, checking its version when {@code expectedVersion} is not null.
   *
   * @return the entry as it was
   */
  DefaultEntry delete(long id, Long expectedVersion, Actor actor);

  Page<DefaultEntry> list(ListQuery query);

  /**
   * Applies up to {@value #MAX_BATCH} upserts and deletes in one transaction. Items that break a
   * rule fail alone; with {@code atomic}, one failure leaves the store untouched.
   */
  BatchResult batch(List<BatchOperation> operations, boolean atomic, Actor actor);

  /**
   * The live entry that answers a key in a request context: among entries whose context is a subset
   * of it, the one matching most fields, then the most confident.
   */
  Optional<Resolution> resolve(String key, Context context);

  /** Audit rows, newest first, of one key or (with a null key) of everything. */
  Page<Change> changes(String key, int page, int limit);

  /** Records a use of a default and updates the usage figures of the entry that was offered. */
  UsageEvent recordUsage(Feedback feedback);

  /** Usage events after the given id, oldest first: the learning data of the ranking engine. */
  List<UsageEvent> usageEvents(String key, long afterId, int limit);

  /** Every entry as stored (secret values stay encrypted), ordered by key then context. */
  List<ExportedDefault> exportAll();

  /**
   * Writes entries exactly as given (upserting on key and context). Every row is checked first;
   * unless {@code partial}, one bad row means nothing is written.
   */
  ImportReport importAll(List<ExportedDefault> rows, boolean partial, Actor actor);

  /**
   * Checks rows as {@link #importAll} would and writes nothing: the report's errors are the rows an
   * import would refuse, and its {@code applied} is 0.
   */
  ImportReport checkImport(List<ExportedDefault> rows);

  /** Re-encrypts every secret (values and audit snapshots) under a new key; returns the count. */
  int rotateKey(Actor actor);

  /** The largest batch the store accepts. */
  int MAX_BATCH = 1000;

  @Override
  void close();
}
