package dev.plandev.defaults.model;

import java.util.List;

/**
 * What an import did.
 *
 * @param rows how many rows the file had
 * @param applied how many were written (0 when a non-partial import met an error)
 * @param errors the rows that were refused, with row numbers from 1
 */
public record ImportReport(int rows, int applied, List<RowError> errors) {
  /** One refused row. */
  public record RowError(int row, String key, String message) {}

  public ImportReport {
    errors = List.copyOf(errors);
  }
}
