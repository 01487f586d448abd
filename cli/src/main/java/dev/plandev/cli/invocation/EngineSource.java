package dev.plandev.cli.invocation;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.LoadedConfig;
import java.time.Clock;

/**
 * Where a run gets its Smart Defaults engine: opened for the run and closed when it ends ({@link
 * #PER_RUN}), or lent by a process that keeps engines open across runs ({@code plandev daemon}).
 */
public interface EngineSource {
  /** Opens an engine for each run and closes it when the run ends. */
  EngineSource PER_RUN =
      (config, clock) -> {
        SmartDefaults engine = SmartDefaults.open(config.config(), clock);
        return new Lease(engine, engine::close);
      };

  /**
   * An engine on the store of {@code config}, for one run; the run gives it back by closing the
   * lease.
   */
  Lease lease(LoadedConfig config, Clock clock);

  /**
   * One run's use of an engine.
   *
   * @param engine the engine, open until the lease is closed
   * @param release what ends the run's use of it: closing the engine, or handing it back
   */
  record Lease(SmartDefaults engine, Runnable release) implements AutoCloseable {
    @Override
    public void close() {
      release.run();
    }
  }
}
