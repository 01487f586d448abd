package dev.plandev.defaults.store;

import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.DuplicateEntryException;
import dev.plandev.defaults.model.EntryNotFoundException;
import dev.plandev.defaults.model.EntryValidator;
import dev.plandev.defaults.model.ExportedDefault;
import dev.plandev.defaults.model.ImportReport;
import dev.plandev.defaults.model.PlandevException;
import dev.plandev.defaults.model.StaleVersionException;
import dev.plandev.defaults.security.SecretCipher;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The store's writes of single defaults (create, put, update, delete) and of an import: each one
 * write transaction that checks versions and uniqueness, changes the rows and appends their audit
 * rows.
 */
final class EntryWrites {
  private final Transactions transactions;
  private final EntryValidator validator;
  private final SecretCipher cipher;
  private final StoredForm form;
  private final AuditTrail audit;

  EntryWrites(
      Transactions transactions,
      EntryValidator validator,
      SecretCipher cipher,
      StoredForm form,
      AuditTrail audit) {
    this.transactions = transactions;
    this.validator = validator;
    this.cipher = cipher;
    this.form = form;
    this.audit = audit;
  }

  DefaultEntry create(DefaultSpec spec, Actor actor) {
    DefaultSpec s = validator.validate(spec);
    return form.reveal(
        transactions.write(
            "create default " + s.key(),
            tx -> {
              DefaultEntry existing = EntryRows.select(tx, s.key(), s.context());
              if (existing != null) {
                throw new DuplicateEntryException(s.key(), s.context(), existing.id());
              }
              DefaultEntry created =
                  EntryRows.insert(tx, form.toStored(s, null, transactions.now()));
              audit.append(tx, "create", null, created, actor);
              audit.flush(tx);
              return created;
            }));
  }

  DefaultEntry put(DefaultSpec spec, Actor actor) {
    DefaultSpec s = validator.validate(spec);
    return form.reveal(
        transactions.write(
            "store default " + s.key(),
            tx -> {
              DefaultEntry existing = EntryRows.select(tx, s.key(), s.context());
              DefaultEntry next = form.toStored(s, existing, transactions.now());
              DefaultEntry result;
              if (existing == null) {
                result = EntryRows.insert(tx, next);
                audit.append(tx, "create", null, result, actor);
              } else {
                EntryRows.update(tx, next);
                result = next;
                audit.append(tx, "update", existing, next, actor);
              }
              audit.flush(tx);
              return result;
            }));
  }

  DefaultEntry update(long id, long expectedVersion, DefaultSpec spec, Actor actor) {
    DefaultSpec s = validator.validate(spec);
    return form.reveal(
        transactions.write(
            "update default " + id,
            tx -> {
              DefaultEntry existing = current(tx, id, expectedVersion);
              if (!existing.key().equals(s.key()) || !existing.context().equals(s.context())) {
                DefaultEntry clash = EntryRows.select(tx, s.key(), s.context());
                if (clash != null) {
                  throw new DuplicateEntryException(s.key(), s.context(), clash.id());
                }
              }
              DefaultEntry next = form.toStored(s, existing, transactions.now());
              EntryRows.update(tx, next);
              audit.append(tx, "update", existing, next, actor);
              audit.flush(tx);
              return next;
            }));
  }

  DefaultEntry delete(long id, Long expectedVersion, Actor actor) {
    return form.reveal(
        transactions.write(
            "delete default " + id,
            tx -> {
              DefaultEntry existing = current(tx, id, expectedVersion);
              EntryRows.delete(tx, id);
              audit.append(tx, "delete", existing, null, actor);
              audit.flush(tx);
              return existing;
            }));
  }

  /**
   * The stored row {@code id}, which must be at {@code expectedVersion} unless that is null.
   *
   * @throws EntryNotFoundException when there is no such row
   * @throws StaleVersionException when the row has moved on
   */
  private static DefaultEntry current(Tx tx, long id, Long expectedVersion) throws SQLException {
    DefaultEntry existing = EntryRows.select(tx, id);
    if (existing == null) {
      throw new EntryNotFoundException(
          "no default with id " + id + "; list them with `plandev defaults list`");
    }
    if (expectedVersion != null && existing.version() != expectedVersion) {
      throw new StaleVersionException(id, expectedVersion, existing.version());
    }
    return existing;
  }

  /**
   * Checks every row, then (when all are good, or {@code partial}) writes the good ones in one
   * transaction, each replacing the entry of its key and context. A row can make an entry secret
   * but never a secret plain.
   */
  ImportReport importAll(List<ExportedDefault> rows, boolean partial, Actor actor) {
    List<DefaultEntry> good = new ArrayList<>();
    List<ImportReport.RowError> errors = new ArrayList<>();
    check(rows, good, errors);
    if (!errors.isEmpty() && !partial) {
      return new ImportReport(rows.size(), 0, errors);
    }
    int applied =
        transactions.write(
            "import " + good.size() + " defaults",
            good.size(),
            tx -> {
              for (DefaultEntry e : good) {
                replace(tx, e, actor);
              }
              audit.flush(tx);
              return good.size();
            });
    return new ImportReport(rows.size(), applied, errors);
  }

  ImportReport checkImport(List<ExportedDefault> rows) {
    List<ImportReport.RowError> errors = new ArrayList<>();
    check(rows, new ArrayList<>(), errors);
    return new ImportReport(rows.size(), 0, errors);
  }

  /** Adds each row's stored form to {@code good}, or its refusal to {@code errors}. */
  private void check(
      List<ExportedDefault> rows, List<DefaultEntry> good, List<ImportReport.RowError> errors) {
    ImportCheck check = new ImportCheck(validator, cipher, transactions.now());
    for (int i = 0; i < rows.size(); i++) {
      try {
        good.add(check.toStored(rows.get(i)));
      } catch (PlandevException e) {
        errors.add(new ImportReport.RowError(i + 1, rows.get(i).key(), e.getMessage()));
      }
    }
  }

  private void replace(Tx tx, DefaultEntry e, Actor actor) throws SQLException {
    DefaultEntry existing = EntryRows.select(tx, e.key(), e.context());
    if (existing == null) {
      audit.append(tx, "import", null, EntryRows.insert(tx, e), actor);
    } else {
      DefaultEntry row = existing.secret() ? form.keptSecret(e) : e;
      DefaultEntry replaced = EntryRows.withId(row, existing.id());
      EntryRows.update(tx, replaced);
      audit.append(tx, "import", existing, replaced, actor);
    }
  }
}
