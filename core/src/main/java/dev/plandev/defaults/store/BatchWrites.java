package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.BatchResult;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DefaultsStore;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.InvalidInputException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of upserts and deletes in one write transaction, reporting each item's outcome.
 *
 * <p>Items are checked first; an atomic batch with a bad item, or one that fails while applied,
 * changes nothing. A non-atomic batch applies its good items and reports the others. The row work
 * itself, shaped for throughput, is {@link BatchWriter}'s.
 */
final class BatchWrites {
  private final Transactions transactions;
  private final EntryValidator validator;
  private final StoredForm form;
  private final AuditTrail audit;

  BatchWrites(
      Transactions transactions, EntryValidator validator, StoredForm form, AuditTrail audit) {
    this.transactions = transactions;
    this.validator = validator;
    this.form = form;
    this.audit = audit;
  }

  BatchResult batch(List<BatchOperation> ops, boolean atomic, Actor actor) {
    if (ops.size() > DefaultsStore.MAX_BATCH) {
      throw new InvalidInputException(
          "items",
          "a batch holds at most "
              + DefaultsStore.MAX_BATCH
              + " items; got "
              + ops.size()
              + "; split it");
    }
    BatchResult.Item[] results = new BatchResult.Item[ops.size()];
    DefaultSpec[] specs = new DefaultSpec[ops.size()];
    check(ops, specs, results);
    boolean anyInvalid = Arrays.stream(results).anyMatch(r -> r != null);
    if (atomic && anyInvalid) {
      return rolledBack(results);
    }
    return transactions.write(
        "apply a batch of " + ops.size(),
        ops.size(),
        tx -> {
          BatchWriter writer = new BatchWriter(tx, transactions.dialect());
          Map<String, DefaultEntry> state = writer.prefetch(Arrays.asList(specs));
          writer.reserve(creations(ops, specs, results, state));
          Instant now = transactions.now();
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
          audit.flush(tx);
          return new BatchResult(true, List.of(results));
        });
  }

  /**
   * Checks every item: an upsert's whole spec, a delete's key. Fills {@code specs} with the checked
   * specs and {@code results} with the failures.
   */
  private void check(List<BatchOperation> ops, DefaultSpec[] specs, BatchResult.Item[] results) {
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
  }

  /** How many good upserts find no stored row: the ids to reserve. */
  private static int creations(
      List<BatchOperation> ops,
      DefaultSpec[] specs,
      BatchResult.Item[] results,
      Map<String, DefaultEntry> state) {
    int fresh = 0;
    for (int i = 0; i < ops.size(); i++) {
      if (results[i] == null
          && ops.get(i).kind() == BatchOperation.Kind.UPSERT
          && !state.containsKey(BatchWriter.slot(specs[i].key(), specs[i].context()))) {
        fresh++;
      }
    }
    return fresh;
  }

  /** Applies one checked item against {@code state}, the rows as the batch has left them so far. */
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
              ? missing(spec)
              : "entry "
                  + existing.id()
                  + " is at version "
                  + existing.version()
                  + ", the item expected version "
                  + op.expectedVersion());
    }
    if (op.kind() == BatchOperation.Kind.DELETE) {
      if (existing == null) {
        return failed(index, missing(spec));
      }
      writer.beforeChanging(existing.id());
      EntryRows.delete(tx, existing.id());
      audit.append(tx, "delete", existing, null, actor);
      state.remove(slot);
      return new BatchResult.Item(
          index, BatchResult.Status.DELETED, existing.id(), existing.version(), null);
    }
    DefaultEntry next = upsert(tx, writer, form.toStored(spec, existing, now), existing, actor);
    state.put(slot, next);
    return new BatchResult.Item(
        index,
        existing == null ? BatchResult.Status.CREATED : BatchResult.Status.UPDATED,
        next.id(),
        next.version(),
        null);
  }

  /** Writes {@code next} as a new row or over {@code existing}; returns it with its id. */
  private DefaultEntry upsert(
      Tx tx, BatchWriter writer, DefaultEntry next, DefaultEntry existing, Actor actor)
      throws SQLException {
    if (existing == null) {
      DefaultEntry created = writer.insert(next);
      audit.append(tx, "create", null, created, actor);
      return created;
    }
    writer.beforeChanging(existing.id());
    EntryRows.update(tx, next);
    audit.append(tx, "update", existing, next, actor);
    return next;
  }

  private static String missing(DefaultSpec spec) {
    return "no entry for key " + spec.key() + " and context " + spec.context().toJson();
  }

  private static BatchResult.Item failed(int index, String message) {
    return new BatchResult.Item(index, BatchResult.Status.FAILED, null, null, message);
  }

  /** The results of a batch that changed nothing: its failures, every other item not applied. */
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
}
