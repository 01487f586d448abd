package dev.plandev.defaults.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention (90 days of full backups, 7 days of incrementals by default) deletes whole segments of
 * incrementals, never the newest full backup, nor a full backup whose incrementals are kept.
 */
class RetentionTest {
  @TempDir Path dir;

  @Test
  void prune_deletesExpiredSegments_keepingWhatKeptMomentsNeed() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T03:00:00Z"));
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString());
    Backups backups = Backups.of(config, clock);
    try (SmartDefaults d = SmartDefaults.open(config, clock)) {
      String f1 = backups.full(BackupProgress.NONE).id();
      clock.advance(Duration.ofDays(1));
      String i1 = backups.incremental(BackupProgress.NONE).id();
      clock.advance(Duration.ofDays(1));
      String i2 = backups.incremental(BackupProgress.NONE).id();
      clock.advance(Duration.ofDays(5));
      String f2 = backups.full(BackupProgress.NONE).id(); // day 7
      clock.advance(Duration.ofDays(1));
      String i3 = backups.incremental(BackupProgress.NONE).id(); // day 8
      // Day 14: the first segment ended (f2) 7 days ago, not more: every moment is restorable.
      clock.advance(Duration.ofDays(6));
      assertThat(backups.prune()).isEmpty();
      // Day 15: its incrementals go; f1 stays (90 days), i3 stays (its segment is open).
      clock.advance(Duration.ofDays(1));
      assertThat(backups.prune()).containsExactlyInAnyOrder(i1, i2);
      assertThat(backups.list()).extracting(BackupInfo::id).containsExactly(f1, f2, i3);
      // Day 100: f1 is older than 90 days; f2 is too, but it is the newest full backup.
      clock.advance(Duration.ofDays(85));
      assertThat(backups.prune()).containsExactly(f1);
      assertThat(backups.newest()).map(BackupInfo::id).contains(i3);
      assertThat(backups.list()).extracting(BackupInfo::id).containsExactly(f2, i3);
    }
  }
}
