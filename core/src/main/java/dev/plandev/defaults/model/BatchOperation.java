package dev.plandev.defaults.model;

/**
 * One item of a batch: an upsert of a spec (matched on key and context) or a delete of the entry
 * with that key and context.
 *
 * @param kind upsert or delete
 * @param spec for an upsert the full spec; for a delete only key and context are read
 * @param expectedVersion when not null, the item fails unless the existing entry has this version
 */
public record BatchOperation(Kind kind, DefaultSpec spec, Long expectedVersion) {
  /** What a batch item does. */
  public enum Kind {
    UPSERT,
    DELETE
  }

  public static BatchOperation upsert(DefaultSpec spec) {
    return new BatchOperation(Kind.UPSERT, spec, null);
  }

  public static BatchOperation delete(String key, Context context) {
    return new BatchOperation(Kind.DELETE, DefaultSpec.of(key, "").withContext(context), null);
  }
}
