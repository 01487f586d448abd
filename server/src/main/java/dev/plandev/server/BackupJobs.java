package dev.plandev.server;

import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.DiskSpace;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.backup.Verification;
import dev.plandev.defaults.config.BackupSettings;
import dev.plandev.defaults.config.CronSchedule;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.config.PostgresSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's backups: the scheduled full and incremental backups (retention applied after each
 * success) and the verification of the kept ones, their meters (the names the alert rules use,
 * {@code plandev_backup_*} and {@code plandev_disk_*}), and the {@code backup} and {@code disk}
 * checks of {@code /health}.
 *
 * <p>A kind of backup is late when its newest good one is older than twice the interval of its
 * schedule; a service that never took one is late once it has run that long.
 */
final class BackupJobs {
  static final List<String> KINDS = List.of("full", "incremental");
  private static final Logger LOG = LoggerFactory.getLogger(BackupJobs.class);

  private final Backups backups;
  private final PlandevConfig config;
  private final Clock clock;
  private final Instant started;
  private final Map<String, CronSchedule> schedules = new LinkedHashMap<>();

  BackupJobs(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.backups = Backups.of(config, clock);
    this.started = clock.instant();
    BackupSettings b = config.backup();
    schedules.put("full", CronSchedule.parse("backup.fullSchedule", b.fullSchedule()));
    schedules.put(
        "incremental", CronSchedule.parse("backup.incrementalSchedule", b.incrementalSchedule()));
  }

  /** The {@code backup} section these jobs follow. */
  BackupSettings settings() {
    return config.backup();
  }

  /** The PostgreSQL settings of the store these jobs back up. */
  PostgresSettings postgres() {
    return config.postgres();
  }

  Backups backups() {
    return backups;
  }

  /** Takes a full backup, then applies retention. */
  void runFull() {
    logged(backups.full(step -> LOG.debug("backup: {}", step)));
  }

  /**
   * Takes an incremental backup, then applies retention; takes a full one instead while there is
   * none to follow, so that a new service's first scheduled backup is usable.
   */
  void runIncremental() {
    if (backups.newest().isEmpty()) {
      runFull();
      return;
    }
    logged(backups.incremental(step -> LOG.debug("backup: {}", step)));
  }

  private void logged(Manifest m) {
    List<String> pruned = backups.prune();
    LOG.info(
        "{} backup {} taken ({} bytes); retention removed {}",
        m.kind(),
        m.id(),
        m.totalBytes(),
        pruned);
  }

  /**
   * Verifies every kept backup; the outcome is recorded beside the backups, where the meters and
   * {@code /health} read it (also after a restart, and when the CLI verified).
   */
  void runVerify() {
    List<String> problems = backups.verifyAll();
    if (!problems.isEmpty()) {
      LOG.error("backup verification failed: {}", problems);
    }
  }

  /**
   * The damaged backups as their last verification found them, in words; null when every kept
   * backup verified was good.
   */
  private String verifyProblem() {
    List<String> problems =
        backups.lastVerifications().stream()
            .filter(v -> !v.good())
            .map(v -> v.problem() + " (verified " + v.at() + ")")
            .toList();
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  /** 1 when the kept backups last verified were good, 0 when one was damaged, NaN when none. */
  private double verifySuccess() {
    List<Verification> last = backups.lastVerifications();
    if (last.isEmpty()) {
      return Double.NaN;
    }
    return last.stream().allMatch(Verification::good) ? 1 : 0;
  }

  /** The interval between two scheduled backups of {@code kind}, from now. */
  Duration interval(String kind) {
    return schedules.get(kind).interval(ZonedDateTime.now(clock));
  }

  void registerMeters(MeterRegistry registry) {
    for (String kind : KINDS) {
      gauge(
          registry,
          "plandev.backup.last.success.timestamp",
          kind,
          "seconds",
          j -> j.last(kind).map(m -> (double) finished(m).getEpochSecond()).orElse(Double.NaN));
      gauge(
          registry,
          "plandev.backup.age",
          kind,
          "seconds",
          j ->
              j.last(kind)
                  .map(m -> (double) Duration.between(finished(m), clock.instant()).toSeconds())
                  .orElse(Double.NaN));
      gauge(
          registry,
          "plandev.backup.size",
          kind,
          "bytes",
          j -> j.last(kind).map(m -> (double) m.totalBytes()).orElse(Double.NaN));
      gauge(
          registry, "plandev.backup.schedule", kind, "seconds", j -> j.interval(kind).toSeconds());
    }
    Gauge.builder("plandev.backup.verify.success", this, BackupJobs::verifySuccess)
        .description("1 when the kept backups passed their last verification, 0 when one failed it")
        .register(registry);
    disk(registry, "data", config.dataPath());
    disk(registry, "backup", config.backupPath());
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String kind,
      String unit,
      ToDoubleFunction<BackupJobs> f) {
    Gauge.builder(name, this, f).tag("kind", kind).baseUnit(unit).register(registry);
  }

  private void disk(MeterRegistry registry, String dir, Path path) {
    // The gauges hold this: the registry keeps only a weak reference to a gauge's object.
    Gauge.builder(
            "plandev.disk.free",
            this,
            j -> space(path).map(s -> (double) s.free()).orElse(Double.NaN))
        .tag("dir", dir)
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder(
            "plandev.disk.used.ratio",
            this,
            j -> space(path).map(DiskSpace::usedRatio).orElse(Double.NaN))
        .tag("dir", dir)
        .register(registry);
  }

  private static Optional<DiskSpace> space(Path dir) {
    try {
      return Optional.of(DiskSpace.of(dir));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Instant finished(Manifest m) {
    return Instant.parse(m.finishedAt());
  }

  private Optional<Manifest> last(String kind) {
    return backups.list().stream()
        .filter(BackupInfo::complete)
        .map(BackupInfo::manifest)
        .filter(m -> m.kind().equals(kind))
        .reduce((a, b) -> b);
  }

  /** The {@code backup} check of {@code /health}. */
  Map<String, Object> backupCheck() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "UP");
    Instant now = clock.instant();
    for (String kind : KINDS) {
      Duration late = interval(kind).multipliedBy(2);
      Optional<Manifest> last = last(kind);
      String setting = "backup." + kind + "Schedule";
      if (last.isPresent()) {
        out.put(kind, last.get().id());
        out.put(kind + "At", finished(last.get()).toString());
        if (finished(last.get()).plus(late).isBefore(now)) {
          warn(out, kind, "the last good " + kind + " backup is older than twice " + setting);
        }
      } else if (started.plus(late).isBefore(now)) {
        warn(out, kind, "no " + kind + " backup taken in twice " + setting);
      }
    }
    String problem = verifyProblem();
    if (problem != null) {
      out.put("status", "WARN");
      out.put("verify", problem);
    }
    return out;
  }

  private static void warn(Map<String, Object> check, String kind, String why) {
    check.put("status", "WARN");
    check.put(kind + "Detail", why);
  }

  /** The {@code disk} check of {@code /health}: used share of the data and backup disks. */
  Map<String, Object> diskCheck() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "UP");
    for (Map.Entry<String, Path> d :
        Map.of("data", config.dataPath(), "backup", config.backupPath()).entrySet()) {
      Optional<DiskSpace> s = space(d.getValue());
      if (s.isEmpty()) {
        continue;
      }
      double used = s.get().usedRatio();
      out.put(d.getKey() + "FreeBytes", s.get().free());
      out.put(d.getKey() + "UsedRatio", Math.round(used * 1000) / 1000.0);
      if (used >= config.backup().diskCriticalRatio()) {
        out.put("status", "CRITICAL");
      } else if (used >= config.backup().diskWarnRatio() && "UP".equals(out.get("status"))) {
        out.put("status", "WARN");
      }
    }
    return out;
  }
}
