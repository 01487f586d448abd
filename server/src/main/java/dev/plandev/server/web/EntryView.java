package dev.plandev.server.web;

import dev.plandev.defaults.model.DefaultEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One entry as the pages show it: its value masked when secret (unless an admin asked to reveal
 * it), its context as people type it, its times to the minute, and whether it can win a resolve.
 */
record EntryView(
    long id,
    String key,
    String value,
    boolean masked,
    String type,
    String schema,
    String context,
    String confidence,
    long usageCount,
    String successRate,
    String lastUsed,
    String updated,
    String expires,
    boolean deprecated,
    boolean expired,
    boolean secret,
    long version) {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** The entry as shown at {@code now}; a secret shows its value only when {@code reveal}. */
  static EntryView of(DefaultEntry e, Instant now, boolean reveal) {
    boolean masked = e.secret() && !reveal;
    return new EntryView(
        e.id(),
        e.key(),
        masked ? DefaultEntry.MASK : e.value(),
        masked,
        e.valueType().wireName(),
        e.valueSchema() == null ? "" : e.valueSchema(),
        ContextText.format(e.context()),
        String.format(Locale.ROOT, "%.2f", e.confidence()),
        e.usageCount(),
        String.format(Locale.ROOT, "%.0f%%", e.successRate() * 100),
        when(e.lastUsed()),
        when(e.updatedAt()),
        when(e.expiresAt()),
        e.deprecated(),
        e.expiresAt() != null && !e.expiresAt().isAfter(now),
        e.secret(),
        e.version());
  }

  static String when(Instant at) {
    return at == null ? "" : WHEN.format(at);
  }

  /** Whether the entry can win a resolve: neither deprecated nor expired. */
  public boolean live() {
    return !deprecated && !expired;
  }
}
