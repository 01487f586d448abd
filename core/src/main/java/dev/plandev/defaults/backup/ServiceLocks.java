package dev.plandev.defaults.backup;

import dev.plandev.defaults.config.PlandevConfig;

/**
 * The locks every long-running process serving a store holds for its life ({@code plandev serve},
 * {@code plandev mcp}): the data directory's {@link ServiceLock} and, on PostgreSQL, the schema's
 * {@link SchemaLock}. Both are shared, so such processes run side by side; a restore needs them
 * exclusive, so it is refused while any of them runs, naming it.
 *
 * <pre>{@code
 * try (ServiceLocks locks = ServiceLocks.acquire(config, "plandev mcp")) {
 *   serve();
 * }
 * }</pre>
 */
public final class ServiceLocks implements AutoCloseable {
  private final ServiceLock dataDir;
  private final SchemaLock schema;

  private ServiceLocks(ServiceLock dataDir, SchemaLock schema) {
    this.dataDir = dataDir;
    this.schema = schema;
  }

  /**
   * Takes a share of the locks of the store of {@code config}.
   *
   * @param holder what holds them, as a refused restore names it ({@code plandev mcp})
   * @throws BackupException when the data directory cannot be locked or PostgreSQL not reached
   */
  public static ServiceLocks acquire(PlandevConfig config, String holder) {
    ServiceLock lock = ServiceLock.acquire(config.dataPath().toAbsolutePath(), holder);
    try {
      return new ServiceLocks(lock, SchemaLock.acquire(config, holder));
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  @Override
  public void close() {
    schema.close();
    dataDir.close();
  }
}
