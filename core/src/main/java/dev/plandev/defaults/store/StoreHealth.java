package dev.plandev.defaults.store;

import java.time.Instant;

/**
 * What the store knows of its own condition beyond answering a query, for {@code /health}: whether
 * its database passed the last integrity check, whether writes are failing, and whether its
 * database server answers, with the last outage it lived through.
 *
 * @param integrity the last integrity check; {@link Status#UNCHECKED} on PostgreSQL, which checks
 *     its own pages
 * @param writes {@link Status#DOWN} from a write that failed because of the storage (a full disk, a
 *     read-only file) until a write succeeds again
 * @param connection whether the database server answers: {@link Status#DOWN} from a call that could
 *     not reach it (or lost its connection) until one is answered; {@link Status#UNCHECKED} on
 *     SQLite, a file in this process
 * @param lastOutage the last time the server could not be reached, once it answered again; null
 *     when that never happened since the store was opened
 */
public record StoreHealth(Check integrity, Check writes, Check connection, Outage lastOutage) {

  /** The state of one check. */
  public enum Status {
    UP,
    DOWN,
    UNCHECKED
  }

  /**
   * One check of the store.
   *
   * @param status its state
   * @param detail what is wrong and what to do, in plain words; empty when up
   * @param at when it was checked, or when the last write failed, or since when the server is
   *     unreachable; null when never
   */
  public record Check(Status status, String detail, Instant at) {}

  /**
   * A time when the database server could not be reached: a restart, a failover to a standby.
   *
   * @param from when the first call failed
   * @param to when the server answered again
   * @param reason what was wrong, in words safe for any client
   * @param failedCalls how many calls to the database failed meanwhile (requests' units of work and
   *     readiness probes)
   */
  public record Outage(Instant from, Instant to, String reason, long failedCalls) {}
}
