package dev.plandev.cli.daemon;

import dev.plandev.cli.invocation.EngineSource;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.LoadedConfig;
import dev.plandev.defaults.config.PlandevConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The daemon's open Smart Defaults engines, one per data directory, lent to the runs that need them
 * and kept open across runs (also a daemon closes them when it stops): opening the store and the
 * model is most of a short command's work. An engine is opened again when what decided it changes
 * (the effective configuration, or the configuration file's size or modification time); the old one
 * is closed once no run uses it.
 *
 * <p>An open engine stays consistent with what other processes write: it learns every usage event
 * in the store, whoever wrote it (as {@code plandev serve} does).
 */
final class EnginePool implements EngineSource, AutoCloseable {
  /** What decides an engine: the effective configuration and the file it was read from. */
  record Key(PlandevConfig config, Path file, long fileSize, long fileModified) {
    static Key of(LoadedConfig loaded) {
      Path file = loaded.file();
      if (file == null) {
        return new Key(loaded.config(), null, -1, -1);
      }
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Key(loaded.config(), file, a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return new Key(loaded.config(), file, -1, -1);
      }
    }
  }

  private static final class Pooled {
    final Key key;
    final SmartDefaults engine;
    int leases;
    boolean retired;

    Pooled(Key key, SmartDefaults engine) {
      this.key = key;
      this.engine = engine;
    }
  }

  private final BiFunction<PlandevConfig, Clock, SmartDefaults> opener;
  private final Map<Path, Pooled> byDataDir = new HashMap<>();
  private int opened;

  EnginePool() {
    this(SmartDefaults::open);
  }

  EnginePool(BiFunction<PlandevConfig, Clock, SmartDefaults> opener) {
    this.opener = opener;
  }

  @Override
  public synchronized Lease lease(LoadedConfig config, Clock clock) {
    Key key = Key.of(config);
    Path dataDir = config.config().dataPath().toAbsolutePath().normalize();
    Pooled current = byDataDir.get(dataDir);
    if (current != null && !current.key.equals(key)) {
      retire(current);
      byDataDir.remove(dataDir);
      current = null;
    }
    if (current == null) {
      current = new Pooled(key, opener.apply(config.config(), clock));
      opened++;
      byDataDir.put(dataDir, current);
    }
    Pooled leased = current;
    leased.leases++;
    return new Lease(leased.engine, () -> giveBack(leased));
  }

  /** How many engines were opened since the daemon started. */
  synchronized int opened() {
    return opened;
  }

  private synchronized void giveBack(Pooled pooled) {
    pooled.leases--;
    if (pooled.retired && pooled.leases == 0) {
      pooled.engine.close();
    }
  }

  private void retire(Pooled pooled) {
    pooled.retired = true;
    if (pooled.leases == 0) {
      pooled.engine.close();
    }
  }

  /**
   * Closes every engine once no run uses it, so that the next run opens a fresh one: after an
   * interrupted run, whose interrupt may have broken something an engine holds.
   */
  @Override
  public synchronized void close() {
    List<Pooled> all = new ArrayList<>(byDataDir.values());
    byDataDir.clear();
    all.forEach(this::retire);
  }
}
