package dev.plandev.server;

import dev.plandev.defaults.backup.Backups;
import dev.plandev.server.web.JobRun;
import dev.plandev.server.web.ServiceStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** What the web UI's Operations page reads of this running service. */
final class RunningServiceStatus implements ServiceStatus {
  private final OpsApi ops;
  private final Supplier<Scheduler> scheduler;
  private final MeterRegistry registry;
  private final BackupJobs backups;

  /**
   * @param scheduler the service's scheduler, or null until it starts (it starts once the service
   *     listens; until then there are no jobs to list)
   */
  RunningServiceStatus(
      OpsApi ops, Supplier<Scheduler> scheduler, MeterRegistry registry, BackupJobs backups) {
    this.ops = ops;
    this.scheduler = scheduler;
    this.registry = registry;
    this.backups = backups;
  }

  @Override
  public Map<String, Map<String, Object>> health() {
    return ops.dependencies();
  }

  @Override
  public List<JobRun> jobs() {
    Scheduler s = scheduler.get();
    return s == null ? List.of() : s.runs();
  }

  @Override
  public MeterRegistry meters() {
    return registry;
  }

  @Override
  public Backups backups() {
    return backups.backups();
  }
}
