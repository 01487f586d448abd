package dev.plandev.server.web;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;

/**
 * What the Operations page shows that only the running service knows: the health of each dependency
 * as {@code /health} reports it, the scheduler's jobs, and the meters its requests are recorded in.
 */
public interface ServiceStatus {
  /** Each dependency by name with its {@code status} and details, as {@code /health} lists them. */
  Map<String, Map<String, Object>> health();

  /** The scheduler's jobs with their last runs. */
  List<JobRun> jobs();

  /** The registry holding the {@code http.server.requests} timers. */
  MeterRegistry meters();
}
