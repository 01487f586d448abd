package dev.plandev.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigException;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.Context;
import dev.plandev.defaults.model.DefaultSpec;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.defaults.testing.TestClock;
import dev.plandev.server.web.JobRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerTest {
  @TempDir Path dir;

  @Test
  void cron_nextRunComesFromTheInjectedClock() {
    var weekly = Scheduler.parse("server.vacuumSchedule", "0 4 * * 0");
    // Thursday 2026-01-15 10:00 UTC: next Sunday 04:00 is 2 days 18 hours away.
    ZonedDateTime thursday = ZonedDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneOffset.UTC);
    assertThat(thursday.getDayOfWeek()).isEqualTo(java.time.DayOfWeek.THURSDAY);
    assertThat(weekly.next(thursday)).contains(thursday.plus(Duration.ofHours(2 * 24 + 18)));
  }

  @Test
  void runs_listEachJobWithItsNextRun_andRememberTheLastOutcome() {
    TestClock clock = new TestClock(Instant.parse("2026-01-15T10:00:00Z"));
    try (SmartDefaults d =
            SmartDefaults.open(PlandevConfig.defaults().withDataDir(dir.toString()), clock);
        Scheduler s = Scheduler.start(d, clock, new BackupJobs(d.config(), clock))) {
      assertThat(s.runs())
          .extracting(JobRun::name)
          .containsExactly(
              "maintenance",
              "expiry-sweep",
              "backup-full",
              "backup-incremental",
              "backup-verify",
              "retrain");
      JobRun maintenance = s.runs().get(0);
      assertThat(maintenance.schedule()).isEqualTo("0 4 * * 0");
      assertThat(maintenance.nextRun()).isEqualTo(Instant.parse("2026-01-18T04:00:00Z"));
      assertThat(maintenance.lastStart()).isNull();

      clock.advance(Duration.ofMinutes(5));
      s.run(
          "maintenance",
          () -> {
            throw new IllegalStateException("disk full");
          });
      assertThat(s.runs().get(0).lastError()).isEqualTo("disk full");
      assertThat(s.runs().get(0).lastStart()).isEqualTo(clock.instant());
      s.run("maintenance", () -> {});
      assertThat(s.runs().get(0).lastError()).isEmpty();
      assertThat(s.runs().get(0).lastDuration()).isNotNull();
      assertThat(s.runs().get(0).nextRun()).isEqualTo(Instant.parse("2026-01-18T04:00:00Z"));
    }
  }

  @Test
  void badCron_isRefusedWithTheSettingName() {
    assertThatThrownBy(() -> Scheduler.parse("server.expirySchedule", "every hour"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("server.expirySchedule")
        .hasMessage(
            "server.expirySchedule: 'every hour' is not a schedule: write five fields, minute hour"
                + " day month weekday (0 4 * * 0 is Sundays at 04:00); it has 2 fields");
  }

  @Test
  void expirySweep_deletesOnlyLongExpiredEntries_throughTheAuditedStore() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
    try (SmartDefaults d =
        SmartDefaults.open(PlandevConfig.defaults().withDataDir(dir.toString()), clock)) {
      Actor a = Actor.of("t");
      d.store()
          .put(
              DefaultSpec.of("old", "x").withExpiresAt(clock.instant().minus(Duration.ofDays(10))),
              a);
      d.store()
          .put(
              DefaultSpec.of("recent", "x")
                  .withExpiresAt(clock.instant().minus(Duration.ofDays(1))),
              a);
      d.store()
          .put(
              DefaultSpec.of("live", "x").withExpiresAt(clock.instant().plus(Duration.ofDays(1))),
              a);
      assertThat(Scheduler.sweepExpired(d, clock)).isEqualTo(1);
      assertThat(d.store().find("old", Context.EMPTY)).isEmpty();
      assertThat(d.store().list(ListQuery.all()).total()).isEqualTo(2);
      assertThat(d.store().changes("old", 1, 1).items().get(0).actor()).isEqualTo("scheduler");
      d.maintain();
      assertThat(d.store().find("recent", Context.EMPTY)).isPresent();
    }
  }

  @Test
  void backupJobs_runOnTheirSchedules_onlyWhenEnabled_andTheFullJobAppliesRetention() {
    TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
    PlandevConfig config = PlandevConfig.defaults().withDataDir(dir.toString());
    try (SmartDefaults d = SmartDefaults.open(config, clock)) {
      BackupJobs jobs = new BackupJobs(config, clock);
      try (Scheduler s = Scheduler.start(d, clock, jobs)) {
        assertThat(s.jobs())
            .extracting(Scheduler.Job::name)
            .contains("backup-full", "backup-incremental", "backup-verify");
        Scheduler.Job full =
            s.jobs().stream().filter(j -> j.name().equals("backup-full")).findFirst().orElseThrow();
        // 2026-03-01 is a Sunday: the weekly full backup (Sunday 03:00) is 3 hours away.
        assertThat(s.delay(full)).isEqualTo(Duration.ofHours(3));
        full.work().run();
        clock.advance(Duration.ofDays(100));
        full.work().run();
        assertThat(jobs.backups().list()).hasSize(1); // the first expired after 90 days
        s.jobs().stream()
            .filter(j -> j.name().equals("backup-incremental"))
            .findFirst()
            .orElseThrow()
            .work()
            .run();
        assertThat(jobs.backups().list()).hasSize(2);
        s.jobs().stream()
            .filter(j -> j.name().equals("backup-verify"))
            .findFirst()
            .orElseThrow()
            .work()
            .run();
        assertThat(jobs.backupCheck().get("status")).isEqualTo("UP");
      }
      PlandevConfig off =
          new dev.plandev.defaults.config.ConfigLoader(dir, java.util.Map.of())
              .load(
                  null,
                  java.util.Map.of("dataDir", dir.toString(), "backup.enabled", "false"),
                  java.util.Map.of())
              .config();
      try (Scheduler s = Scheduler.start(d, clock, new BackupJobs(off, clock))) {
        assertThat(s.jobs()).extracting(Scheduler.Job::name).doesNotContain("backup-full");
      }
    }
  }
}
