package dev.plandev.server.web;

import java.time.Instant;
import java.util.Locale;

/**
 * One row of the portfolio: a plan's title, file, progress, last change and lint findings count,
 * plus the lower-case text searched (title, file and every task).
 */
record PlanSummary(
    String file,
    String title,
    int done,
    int total,
    Instant lastChange,
    int findings,
    String searchText) {

  int percent() {
    return total == 0 ? 0 : done * 100 / total;
  }

  boolean matches(String query) {
    return query == null || query.isBlank() || searchText.contains(query.toLowerCase(Locale.ROOT));
  }
}
