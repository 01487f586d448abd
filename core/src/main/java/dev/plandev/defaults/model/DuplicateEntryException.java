package dev.plandev.defaults.model;

/** A create would give a second entry the same key and context, which the store forbids. */
public final class DuplicateEntryException extends PlandevException {
  private static final long serialVersionUID = 1L;

  public DuplicateEntryException(String key, Context context, long existingId) {
    super(
        "a default for key '%s' with context %s already exists (id %d); update it or delete it first"
            .formatted(key, context.toJson(), existingId));
  }
}
