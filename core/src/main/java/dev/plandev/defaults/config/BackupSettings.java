package dev.plandev.defaults.config;

import java.time.Duration;

/**
 * The {@code backup} section: backups of the store and the model files, taken by {@code plandev
 * backup} and, while {@code plandev serve} runs, on the schedules below (five-field cron, in the
 * service's time zone).
 *
 * @param enabled whether {@code plandev serve} takes and prunes backups on its schedules (commands
 *     work either way)
 * @param dir where backups are written; relative to the data directory. Keep it on another disk
 *     than the data directory, or copy it elsewhere: a backup on the same disk dies with it
 * @param fullSchedule cron expression of full backups (weekly by default)
 * @param fullRetention how long a full backup is kept; the newest good one is always kept
 * @param incrementalSchedule cron expression of incremental backups (every 6 hours by default): the
 *     audit trail and usage events since the backup before, which a point-in-time restore replays
 * @param incrementalRetention how long moments can be restored to the minute: incrementals are
 *     deleted once the full backup that follows them is older than this
 * @param verifySchedule cron expression of the verification of every kept backup (daily)
 * @param zstdLevel zstd compression level, 1 (fastest) to 19 (smallest)
 * @param diskWarnRatio used share of the data or backup disk (0..1) above which {@code /health}
 *     warns
 * @param diskCriticalRatio used share above which {@code /health} reports the disk critical
 */
public record BackupSettings(
    boolean enabled,
    String dir,
    String fullSchedule,
    Duration fullRetention,
    String incrementalSchedule,
    Duration incrementalRetention,
    String verifySchedule,
    int zstdLevel,
    double diskWarnRatio,
    double diskCriticalRatio) {

  static BackupSettings defaults() {
    // The v39 plan's schedule: full weekly kept 90 days, incremental every 6 hours kept 7 days,
    // validation daily; disk warnings at 80 % and 90 % used.
    return new BackupSettings(
        true,
        "backups",
        "0 3 * * 0",
        Duration.ofDays(90),
        "0 */6 * * *",
        Duration.ofDays(7),
        "30 5 * * *",
        3,
        0.8,
        0.9);
  }

  /** This section with another backup directory. */
  public BackupSettings withDir(String d) {
    return new BackupSettings(
        enabled,
        d,
        fullSchedule,
        fullRetention,
        incrementalSchedule,
        incrementalRetention,
        verifySchedule,
        zstdLevel,
        diskWarnRatio,
        diskCriticalRatio);
  }

  void check(ProblemList problems) {
    problems.notEmpty("backup.dir", dir);
    problems.cron("backup.fullSchedule", fullSchedule);
    problems.cron("backup.incrementalSchedule", incrementalSchedule);
    problems.cron("backup.verifySchedule", verifySchedule);
    problems.atLeast("backup.fullRetention", fullRetention, Duration.ofHours(1));
    problems.atLeast("backup.incrementalRetention", incrementalRetention, Duration.ofHours(1));
    problems.between("backup.zstdLevel", zstdLevel, 1, 19);
    problems.require(
        diskWarnRatio > 0 && diskWarnRatio < 1,
        "backup.diskWarnRatio",
        diskWarnRatio,
        "must be between 0 and 1 (0.8 warns above 80 % used)");
    problems.require(
        diskCriticalRatio > diskWarnRatio && diskCriticalRatio <= 1,
        "backup.diskCriticalRatio",
        diskCriticalRatio,
        "must be above backup.diskWarnRatio (" + diskWarnRatio + ") and at most 1");
  }
}
