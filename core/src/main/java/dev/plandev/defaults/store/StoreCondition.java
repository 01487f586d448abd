package dev.plandev.defaults.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's condition as its own checks and writes reveal it: the result of the last integrity
 * check, and the last write failure until a write succeeds. A change is logged once, not on every
 * failing write, so a full disk does not flood the log.
 */
final class StoreCondition implements Transactions.WriteOutcomes {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCondition.class);

  private final Clock clock;
  private volatile StoreHealth.Check integrity =
      new StoreHealth.Check(StoreHealth.Status.UNCHECKED, "", null);
  private volatile StoreHealth.Check writes =
      new StoreHealth.Check(StoreHealth.Status.UP, "", null);

  StoreCondition(Clock clock) {
    this.clock = clock;
  }

  /** Records an integrity check that found {@code problems} (none: the database is sound). */
  void checked(String where, List<String> problems) {
    Instant now = Instant.ofEpochMilli(clock.millis());
    if (problems.isEmpty()) {
      if (integrity.status() == StoreHealth.Status.DOWN) {
        LOG.info("the integrity check of {} passes again", where);
      }
      integrity = new StoreHealth.Check(StoreHealth.Status.UP, "", now);
      return;
    }
    String detail =
        "the database "
            + where
            + " is damaged ("
            + String.join("; ", problems)
            + "): export what can still be read (plandev export), then restore the database from"
            + " a backup or move it aside to start over";
    LOG.error("integrity check failed: {}", detail);
    integrity = new StoreHealth.Check(StoreHealth.Status.DOWN, detail, now);
  }

  @Override
  public void committed() {
    if (writes.status() != StoreHealth.Status.UP) {
      LOG.info("writes succeed again after failing since {}", writes.at());
      writes = new StoreHealth.Check(StoreHealth.Status.UP, "", null);
    }
  }

  @Override
  public void failed(StorageFault fault, String message) {
    if (writes.status() == StoreHealth.Status.UP) {
      LOG.error("writes are failing: {}", message);
    }
    writes =
        new StoreHealth.Check(
            StoreHealth.Status.DOWN, fault.explanation(), Instant.ofEpochMilli(clock.millis()));
  }

  StoreHealth health() {
    return new StoreHealth(integrity, writes);
  }
}
