package dev.plandev.defaults.model;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the entries of this page
 * @param page the 1-based page number
 * @param limit the page size asked for
 * @param total how many items the whole listing has
 */
public record Page<T>(List<T> items, int page, int limit, long total) {
  public Page {
    items = List.copyOf(items);
  }

  /** True when a later page has items. */
  public boolean hasNext() {
    return (long) page * limit < total;
  }
}
