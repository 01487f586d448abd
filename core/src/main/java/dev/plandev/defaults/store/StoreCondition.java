package dev.plandev.defaults.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's condition as its own checks and calls reveal it: the result of the last integrity
 * check, the last write failure until a write succeeds, and whether the database server answers,
 * with the last outage. A change is logged once, not on every failing call, so a full disk or a
 * lost server does not flood the log.
 */
final class StoreCondition implements Transactions.Outcomes {
  private static final Logger LOG = LoggerFactory.getLogger(StoreCondition.class);

  private final Clock clock;
  private volatile StoreHealth.Check integrity =
      new StoreHealth.Check(StoreHealth.Status.UNCHECKED, "", null);
  private volatile StoreHealth.Check writes =
      new StoreHealth.Check(StoreHealth.Status.UP, "", null);

  private final boolean server;
  private volatile boolean unreachable;
  private Instant unreachableSince; // guarded by this, as are the two below
  private StorageFault unreachableFault;
  private long failedCalls;
  private volatile StoreHealth.Outage lastOutage;
  private final java.util.concurrent.atomic.LongAdder outages =
      new java.util.concurrent.atomic.LongAdder();

  /**
   * The condition of a store whose database is a {@code server} (PostgreSQL), or a file of this
   * process (SQLite: never unreachable).
   */
  StoreCondition(Clock clock, boolean server) {
    this.clock = clock;
    this.server = server;
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

  @Override
  public void answered() {
    if (!unreachable) {
      return; // the common case, on every call: one volatile read
    }
    synchronized (this) {
      if (!unreachable) {
        return;
      }
      Instant now = Instant.ofEpochMilli(clock.millis());
      lastOutage =
          new StoreHealth.Outage(
              unreachableSince, now, unreachableFault.publicReason(), failedCalls);
      unreachable = false;
      LOG.info(
          "the database server answers again after {} ms unreachable ({} calls failed meanwhile)",
          now.toEpochMilli() - unreachableSince.toEpochMilli(),
          failedCalls);
    }
  }

  @Override
  public synchronized void unreachable(StorageFault fault) {
    if (!unreachable) {
      unreachableSince = Instant.ofEpochMilli(clock.millis());
      unreachableFault = fault;
      failedCalls = 0;
      unreachable = true;
      outages.increment();
      LOG.error("the database server cannot be reached: {}", fault.explanation());
    }
    failedCalls++;
  }

  /**
   * Whether the database server answers ({@code plandev.store.reachable}, 1 or 0) and how many
   * times it stopped answering ({@code plandev.store.outages}), on a store with a server.
   */
  void registerMeters(io.micrometer.core.instrument.MeterRegistry registry) {
    if (!server) {
      return;
    }
    io.micrometer.core.instrument.Gauge.builder(
            "plandev.store.reachable", this, c -> c.unreachable ? 0 : 1)
        .description("1 while the database server answers, 0 from a call that could not reach it")
        .register(registry);
    io.micrometer.core.instrument.FunctionCounter.builder(
            "plandev.store.outages", outages, java.util.concurrent.atomic.LongAdder::sum)
        .description("times the database server stopped answering (a restart, a failover)")
        .register(registry);
  }

  StoreHealth health() {
    StoreHealth.Check connection;
    synchronized (this) {
      connection =
          !server
              ? new StoreHealth.Check(StoreHealth.Status.UNCHECKED, "", null)
              : unreachable
                  ? new StoreHealth.Check(
                      StoreHealth.Status.DOWN, unreachableFault.explanation(), unreachableSince)
                  : new StoreHealth.Check(StoreHealth.Status.UP, "", null);
    }
    return new StoreHealth(integrity, writes, connection, lastOutage);
  }
}
