package dev.plandev.server;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.CronSchedule;
import dev.plandev.defaults.model.Actor;
import dev.plandev.defaults.model.BatchOperation;
import dev.plandev.defaults.model.DefaultEntry;
import dev.plandev.defaults.model.ListQuery;
import dev.plandev.server.web.JobRun;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the service's periodic jobs: on cron schedules from the configuration, database maintenance
 * ({@code server.vacuumSchedule}, weekly by default) and the sweep of long-expired entries ({@code
 * server.expirySchedule}, hourly); and the ranking engine's retraining and model save, checked
 * every {@code ml.updatePeriod / 24}; and, when {@code backup.enabled}, the full and incremental
 * backups with their retention ({@code backup.fullSchedule}, {@code backup.incrementalSchedule})
 * and the verification of the kept backups ({@code backup.verifySchedule}). Each run computes its
 * next time from the injected clock, so a job never drifts and never runs twice at once.
 */
final class Scheduler implements AutoCloseable {
  /**
   * Expired entries are kept this long (they never win a resolve) before the sweep deletes them.
   */
  static final Duration EXPIRED_RETENTION = Duration.ofDays(7);

  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** A named job on a schedule; {@code expression} is the schedule as configured. */
  record Job(String name, String expression, CronSchedule schedule, Runnable work) {}

  private final ScheduledExecutorService executor;
  private final Clock clock;
  private final List<Job> jobs;

  /** Last run of each job and when it runs next, by name, in the order the jobs were added. */
  private final Map<String, JobRun> runs = new ConcurrentHashMap<>();

  private final List<String> order = new CopyOnWriteArrayList<>();

  private Scheduler(List<Job> jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "plandev-scheduler");
              t.setDaemon(true);
              return t;
            });
  }

  static Scheduler start(SmartDefaults defaults, Clock clock, BackupJobs backups) {
    var server = defaults.config().server();
    List<Job> jobs = new ArrayList<>();
    jobs.add(
        new Job(
            "maintenance",
            server.vacuumSchedule(),
            parse("server.vacuumSchedule", server.vacuumSchedule()),
            defaults::maintain));
    jobs.add(
        new Job(
            "expiry-sweep",
            server.expirySchedule(),
            parse("server.expirySchedule", server.expirySchedule()),
            () -> sweepExpired(defaults, clock)));
    var backup = backups.settings();
    if (backup.enabled()) {
      jobs.add(
          new Job(
              "backup-full",
              backup.fullSchedule(),
              parse("backup.fullSchedule", backup.fullSchedule()),
              backups::runFull));
      jobs.add(
          new Job(
              "backup-incremental",
              backup.incrementalSchedule(),
              parse("backup.incrementalSchedule", backup.incrementalSchedule()),
              backups::runIncremental));
      jobs.add(
          new Job(
              "backup-verify",
              backup.verifySchedule(),
              parse("backup.verifySchedule", backup.verifySchedule()),
              backups::runVerify));
    }
    Scheduler s = new Scheduler(jobs, clock);
    jobs.forEach(s::scheduleNext);
    s.every("retrain", defaults.config().ml().updatePeriod(), defaults::retrainIfDue);
    return s;
  }

  /** Parses a five-field cron expression, naming the setting when it is wrong. */
  static CronSchedule parse(String setting, String expression) {
    return CronSchedule.parse(setting, expression);
  }

  /** Time until the job's next run after now. */
  Duration delay(Job job) {
    ZonedDateTime now = ZonedDateTime.now(clock);
    return job.schedule()
        .next(now)
        .map(next -> Duration.between(now, next))
        .orElse(Duration.ofDays(365));
  }

  private void scheduleNext(Job job) {
    if (executor.isShutdown()) {
      return;
    }
    long delay = Math.max(1, delay(job).toMillis());
    planned(job.name(), job.expression(), clock.instant().plusMillis(delay));
    executor.schedule(
        () -> {
          run(job.name(), job.work());
          scheduleNext(job);
        },
        delay,
        TimeUnit.MILLISECONDS);
  }

  /** Runs one job, logging and remembering how it went; a failure waits for the next run. */
  void run(String name, Runnable work) {
    Instant started = clock.instant();
    long start = System.nanoTime();
    String error = "";
    try {
      work.run();
      LOG.info("job {} done in {} ms", name, (System.nanoTime() - start) / 1_000_000);
    } catch (RuntimeException e) {
      LOG.error("job {} failed: {}", name, e.getMessage(), e);
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String failure = error;
    runs.computeIfPresent(
        name, (n, r) -> new JobRun(n, r.schedule(), started, took, failure, r.nextRun()));
  }

  /** Notes when a job runs next, keeping its last run. */
  private void planned(String name, String schedule, Instant next) {
    if (!order.contains(name)) {
      order.add(name);
    }
    runs.merge(
        name,
        new JobRun(name, schedule, null, null, "", next),
        (old, fresh) ->
            new JobRun(name, schedule, old.lastStart(), old.lastDuration(), old.lastError(), next));
  }

  /** Every job with its last run and next run, in the order they were added. */
  List<JobRun> runs() {
    return order.stream().map(runs::get).toList();
  }

  /**
   * Runs {@code work} at a fixed period (the engine's {@code ml.updatePeriod}); the engine itself
   * decides on its clock whether a retraining is due, so a restart does not retrain early.
   */
  private void every(String name, java.time.Duration period, Runnable work) {
    if (period.isZero() || period.isNegative()) {
      return;
    }
    long ms = Math.max(60_000, period.toMillis() / 24);
    String schedule =
        "every " + Duration.ofMillis(ms).toString().substring(2).toLowerCase(Locale.ROOT);
    planned(name, schedule, clock.instant().plusMillis(ms));
    executor.scheduleWithFixedDelay(
        () -> {
          run(name, work);
          planned(name, schedule, clock.instant().plusMillis(ms));
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  List<Job> jobs() {
    return jobs;
  }

  /**
   * Deletes entries that expired more than {@link #EXPIRED_RETENTION} ago, through the store so the
   * audit trail and the caches see it; returns how many.
   */
  static int sweepExpired(SmartDefaults defaults, Clock clock) {
    Instant cutoff = clock.instant().minus(EXPIRED_RETENTION);
    Actor actor = Actor.of("scheduler");
    int deleted = 0;
    while (true) {
      List<BatchOperation> ops = new ArrayList<>();
      for (DefaultEntry e :
          defaults
              .store()
              .list(ListQuery.all().withExpired(true).withSort("expiresAt:asc").withPage(1, 1000))
              .items()) {
        if (e.expiresAt().isBefore(cutoff)) {
          ops.add(BatchOperation.delete(e.key(), e.context()));
        }
      }
      if (ops.isEmpty()) {
        return deleted;
      }
      deleted +=
          (int)
              defaults.store().batch(ops, false, actor).items().stream()
                  .filter(i -> i.id() != null)
                  .count();
      if (ops.size() < 1000) {
        return deleted;
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
