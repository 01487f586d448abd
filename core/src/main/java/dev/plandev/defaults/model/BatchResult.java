package dev.plandev.defaults.model;

import java.util.List;

/**
 * The outcome of a batch, item by item, in the order the items were given.
 *
 * @param applied whether the store kept the successful items (false for an atomic batch with a
 *     failure)
 * @param items one result per item
 */
public record BatchResult(boolean applied, List<Item> items) {
  /** What happened to one item. */
  public enum Status {
    CREATED,
    UPDATED,
    DELETED,
    /** The item itself was wrong; see the error. */
    FAILED,
    /** The item was fine but an atomic batch was rolled back because of another item. */
    NOT_APPLIED
  }

  /**
   * The result of one item.
   *
   * @param index the item's position in the batch, from 0
   * @param status what happened
   * @param id the entry's id, when it exists
   * @param version the entry's version after the item, when it exists
   * @param error why the item failed, or null
   */
  public record Item(int index, Status status, Long id, Long version, String error) {}

  public BatchResult {
    items = List.copyOf(items);
  }

  public long failures() {
    return items.stream().filter(i -> i.status() == Status.FAILED).count();
  }
}
