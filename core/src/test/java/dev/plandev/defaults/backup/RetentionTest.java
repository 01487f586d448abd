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

/** Retention deletes backups older than {@code backup.fullRetention} but never the newest. */
class RetentionTest {
  @TempDir Path dir;

  @Test
  void prune_deletesExpiredBackups_keepingTheNewestEvenWhenExpired() {
    TestClock clock = new TestClock(Instant.parse("2026-01-01T03:00:00Z"));
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString());
    Backups backups = Backups.of(config, clock);
    try (SmartDefaults d = SmartDefaults.open(config, clock)) {
      String first = backups.full(BackupProgress.NONE).id();
      clock.advance(Duration.ofDays(40));
      String second = backups.full(BackupProgress.NONE).id();
      clock.advance(Duration.ofDays(60)); // first is 100 days old, second 60
      assertThat(backups.prune()).containsExactly(first);
      assertThat(backups.list()).extracting(BackupInfo::id).containsExactly(second);
      clock.advance(Duration.ofDays(365));
      assertThat(backups.prune()).isEmpty();
      assertThat(backups.newest()).map(BackupInfo::id).contains(second);
    }
  }
}
