package dev.plandev.server.web;

import dev.plandev.defaults.backup.Backups;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;

/**
 * What the Operations page shows that only the running service knows: the health of each dependency
 * as {@code /health} reports it, the scheduler's jobs, the meters its requests are recorded in, and
 * the backups its scheduler takes.
 */
public interface ServiceStatus {
  /** Each dependency by name with its {@code status} and details, as {@code /health} lists them. */
  Map<String, Map<String, Object>> health();

  /** The scheduler's jobs with their last runs. */
  List<JobRun> jobs();

  /** The registry holding the {@code http.server.requests} timers. */
  MeterRegistry meters();

  /** The backups of the service's store: the same ones its scheduler and the API take. */
  Backups backups();
}
