package dev.plandev.defaults.config;

import java.time.Duration;
import java.util.List;

/**
 * The {@code sqlite} section: the embedded database, used unless {@code postgres.enabled}.
 *
 * @param allowLostWrites start even when the database holds fewer writes than it had committed
 *     (emptied, replaced by an older copy, or writes lost in a damaged write-ahead log), which the
 *     store otherwise refuses; set it once to go on with what the database holds
 */
public record SqliteSettings(
    String path,
    String journalMode,
    String synchronous,
    Duration busyTimeout,
    int poolSize,
    boolean allowLostWrites) {
  private static final List<String> JOURNAL_MODES =
      List.of("WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF");
  private static final List<String> SYNC_MODES = List.of("OFF", "NORMAL", "FULL", "EXTRA");

  static SqliteSettings defaults() {
    // WAL with synchronous=NORMAL: a commit survives the process being killed (tested with
    // kill -9); only an OS crash or power loss can lose the last commits. FULL adds an fsync
    // to every commit for that, at a measured cost of about half the batch throughput.
    return new SqliteSettings("defaults.db", "WAL", "NORMAL", Duration.ofSeconds(5), 4, false);
  }

  void check(ProblemList problems) {
    problems.notEmpty("sqlite.path", path);
    problems.oneOf("sqlite.journalMode", journalMode, JOURNAL_MODES);
    problems.oneOf("sqlite.synchronous", synchronous, SYNC_MODES);
    problems.between("sqlite.poolSize", poolSize, 1, 64);
  }
}
