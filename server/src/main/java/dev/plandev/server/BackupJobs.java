package dev.plandev.server;

import dev.plandev.defaults.backup.BackupInfo;
import dev.plandev.defaults.backup.Backups;
import dev.plandev.defaults.backup.DiskSpace;
import dev.plandev.defaults.backup.Manifest;
import dev.plandev.defaults.config.CronSchedule;
import dev.plandev.defaults.config.PlandevConfig;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's backups: the scheduled full backup (retention applied after each success) and
 * verification, their meters (names shared with the alert rules, see METRICS.md of issue 18/19),
 * and the {@code backup} and {@code disk} checks of {@code /health}.
 *
 * <p>A backup is late when the newest good one is older than twice the interval of {@code
 * backup.fullSchedule}; a service that never took one is late once it has run that long.
 */
final class BackupJobs {
  private static final Logger LOG = LoggerFactory.getLogger(BackupJobs.class);

  private final Backups backups;
  private final PlandevConfig config;
  private final Clock clock;
  private final Instant started;
  private final CronSchedule fullSchedule;
  private final AtomicReference<String> verifyProblem = new AtomicReference<>();
  private volatile boolean verified;

  BackupJobs(PlandevConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    this.backups = Backups.of(config, clock);
    this.started = clock.instant();
    this.fullSchedule = CronSchedule.parse("backup.fullSchedule", config.backup().fullSchedule());
  }

  /** The {@code backup} section these jobs follow. */
  PlandevConfig.Backup settings() {
    return config.backup();
  }

  Backups backups() {
    return backups;
  }

  /** Takes a full backup, then applies retention. */
  void runFull() {
    Manifest m = backups.full(step -> LOG.debug("backup: {}", step));
    List<String> pruned = backups.prune();
    LOG.info("backup {} taken ({} bytes); retention removed {}", m.id(), m.totalBytes(), pruned);
  }

  /** Verifies every kept backup and remembers the outcome for the meters and {@code /health}. */
  void runVerify() {
    List<String> problems = backups.verifyAll();
    verifyProblem.set(problems.isEmpty() ? null : String.join("; ", problems));
    verified = true;
    if (!problems.isEmpty()) {
      LOG.error("backup verification failed: {}", problems);
    }
  }

  /** The interval between two scheduled full backups, from now. */
  Duration fullInterval() {
    return fullSchedule.interval(ZonedDateTime.now(clock));
  }

  void registerMeters(MeterRegistry registry) {
    gauge(
        registry,
        "plandev.backup.last.success.timestamp",
        "seconds",
        j ->
            j.lastFull()
                .map(m -> Instant.parse(m.finishedAt()).getEpochSecond())
                .map(Long::doubleValue)
                .orElse(Double.NaN));
    gauge(
        registry,
        "plandev.backup.age",
        "seconds",
        j ->
            j.lastFull()
                .map(
                    m ->
                        (double)
                            Duration.between(Instant.parse(m.finishedAt()), clock.instant())
                                .toSeconds())
                .orElse(Double.NaN));
    gauge(
        registry,
        "plandev.backup.size",
        "bytes",
        j -> j.lastFull().map(m -> (double) m.totalBytes()).orElse(Double.NaN));
    gauge(registry, "plandev.backup.schedule", "seconds", j -> j.fullInterval().toSeconds());
    Gauge.builder(
            "plandev.backup.verify.success",
            this,
            j -> !j.verified ? Double.NaN : j.verifyProblem.get() == null ? 1 : 0)
        .description("1 when the last verification of the backups passed, 0 when it failed")
        .register(registry);
    disk(registry, "data", config.dataPath());
    disk(registry, "backup", config.backupPath());
  }

  private void gauge(
      MeterRegistry registry, String name, String unit, ToDoubleFunction<BackupJobs> f) {
    Gauge.builder(name, this, f).tag("kind", "full").baseUnit(unit).register(registry);
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

  private Optional<Manifest> lastFull() {
    return backups.newest().map(BackupInfo::manifest);
  }

  /** The {@code backup} check of {@code /health}. */
  Map<String, Object> backupCheck() {
    Map<String, Object> out = new LinkedHashMap<>();
    Duration late = fullInterval().multipliedBy(2);
    Optional<Manifest> last = lastFull();
    Instant now = clock.instant();
    String status = "UP";
    if (last.isPresent()) {
      Instant at = Instant.parse(last.get().finishedAt());
      out.put("lastFull", last.get().id());
      out.put("lastFullAt", at.toString());
      if (at.plus(late).isBefore(now)) {
        status = "WARN";
        out.put(
            "detail",
            "the last good full backup is older than twice backup.fullSchedule (" + late + ")");
      }
    } else if (started.plus(late).isBefore(now)) {
      status = "WARN";
      out.put("detail", "no backup taken in twice backup.fullSchedule (" + late + ")");
    }
    String problem = verifyProblem.get();
    if (problem != null) {
      status = "WARN";
      out.put("verify", problem);
    }
    out.put("status", status);
    return out;
  }

  /** The {@code disk} check of {@code /health}: used share of the data and backup disks. */
  Map<String, Object> diskCheck() {
    Map<String, Object> out = new LinkedHashMap<>();
    String status = "UP";
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
        status = "CRITICAL";
      } else if (used >= config.backup().diskWarnRatio() && !"CRITICAL".equals(status)) {
        status = "WARN";
      }
    }
    Map<String, Object> ordered = new LinkedHashMap<>();
    ordered.put("status", status);
    ordered.putAll(out);
    return ordered;
  }
}
