package dev.plandev.defaults.model;

/** An update or delete was based on a version of the entry that is no longer current. */
public final class StaleVersionException extends PlandevException {
  private static final long serialVersionUID = 1L;
  private final long currentVersion;

  public StaleVersionException(long id, long expected, long current) {
    super(
        "entry %d is at version %d but the change was based on version %d; read it again and retry"
            .formatted(id, current, expected));
    this.currentVersion = current;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
