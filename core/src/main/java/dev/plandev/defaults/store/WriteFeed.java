package dev.plandev.defaults.store;

import java.util.Set;

/**
 * The keys written to the database since the last look, by any connection of this process or
 * another: what lets an instance without Redis forget, key by key, the cached answers another
 * instance made stale. SQLite is read ({@link SqliteWriteFeed}); PostgreSQL is listened to ({@link
 * PostgresWriteFeed}, fed by {@link WriteNotices}).
 */
interface WriteFeed extends AutoCloseable {
  /** Beyond this many keys in one look, listing them costs more than starting over. */
  int MAX_ROWS = 10_000;

  /** The feed of {@code db}'s dialect; it reaches the database on its first look only. */
  static WriteFeed of(Database db) {
    return db.dialect() == Database.Dialect.SQLITE
        ? new SqliteWriteFeed(db)
        : new PostgresWriteFeed(db, WriteNotices.channel(db.schema()));
  }

  /**
   * The keys written since the previous look, or null when they cannot all be told (too many, a
   * write that names no key, or a time when the feed was not connected): then forget everything.
   */
  Set<String> writtenKeys();

  @Override
  void close();
}
