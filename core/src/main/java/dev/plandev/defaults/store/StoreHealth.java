package dev.plandev.defaults.store;

import java.time.Instant;

/**
 * What the store knows of its own condition beyond answering a query, for {@code /health}: whether
 * its database passed the last integrity check, and whether writes are failing.
 *
 * @param integrity the last integrity check; {@link Status#UNCHECKED} on PostgreSQL, which checks
 *     its own pages
 * @param writes {@link Status#DOWN} from a write that failed because of the storage (a full disk, a
 *     read-only file) until a write succeeds again
 */
public record StoreHealth(Check integrity, Check writes) {

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
   * @param at when it was checked, or when the last write failed; null when never
   */
  public record Check(Status status, String detail, Instant at) {}
}
