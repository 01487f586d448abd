package dev.plandev.cli.invocation;

import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.LoadedConfig;
import dev.plandev.defaults.config.PlandevConfig;
import dev.plandev.defaults.model.Actor;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of the {@code plandev} command as the command it runs sees it: the environment, the
 * global options, the effective configuration and the Smart Defaults engine (both opened on first
 * use, the engine leased from an {@link EngineSource} and given back when the run ends), and the
 * actor its changes are attributed to.
 */
public final class Invocation implements AutoCloseable {
  private final Environment env;
  private final EngineSource engines;
  private final Map<String, String> options = new LinkedHashMap<>();
  private final Map<String, String> flagNames = new LinkedHashMap<>();
  private Path dataDir;
  private Path configFile;
  private boolean verbose;
  private String correlationId;
  private LoadedConfig loaded;
  private Project project;
  private String dataDirReason;
  private SmartDefaults defaults;
  private AutoCloseable release;

  public Invocation(Environment env) {
    this(env, EngineSource.PER_RUN);
  }

  /** A run whose engine comes from {@code engines} (the daemon's pool of open engines). */
  public Invocation(Environment env, EngineSource engines) {
    this.env = env;
    this.engines = engines;
  }

  /** The invocation {@code command} runs in: the one its {@link GlobalOptions} write to. */
  public static Invocation of(CommandSpec command) {
    return GlobalOptions.of(command).invocation();
  }

  public Environment environment() {
    return env;
  }

  /** Whether {@code --verbose} was given: stack traces and debug logs. */
  public boolean verbose() {
    return verbose;
  }

  /**
   * The project this command runs in, found by walking up from the working directory (see {@link
   * Project}).
   */
  public Project project() {
    if (project == null) {
      project = Project.find(env.workingDir(), env.home());
    }
    return project;
  }

  /**
   * Why the data directory is where it is, as {@code plandev config show} says it: {@code per-user
   * default; no --data, …} or {@code from env PLANDEV_DATA_DIR}.
   */
  public String dataDirectoryReason() {
    config();
    return dataDirReason;
  }

  /**
   * The effective configuration, loaded on first use; file logging starts with it.
   *
   * <p>This is the one place that decides where things live: the configuration file is the
   * project's, and the data directory is, first to last, {@code --data}, {@code PLANDEV_DATA_DIR},
   * {@code dataDir} in the configuration file (relative to the file's folder), the project's {@code
   * data/} folder when it holds a store from before, else the per-user data directory.
   */
  public LoadedConfig config() {
    if (loaded == null) {
      Map<String, String> flags = new LinkedHashMap<>(options);
      Map<String, String> sources = new LinkedHashMap<>();
      options.keySet().forEach(k -> sources.put(k, flagNames.getOrDefault(k, "-o " + k)));
      if (dataDir != null) {
        flags.put("dataDir", env.resolve(dataDir).toString());
        sources.put("dataDir", "--data");
      }
      LoadedConfig c =
          new ConfigLoader(project().root(), env.variables())
              .load(configFile == null ? null : env.resolve(configFile), flags, sources);
      loaded = withDataDirectory(c);
      MDC.put("correlationId", correlationId());
      LogSetup.terminal(env.terminal(), verbose);
      LogSetup.fileLogs(loaded.config(), verbose);
    }
    return loaded;
  }

  /** {@code c} with its data directory absolute, chosen by the rule of {@link #config()}. */
  private LoadedConfig withDataDirectory(LoadedConfig c) {
    String source = c.sources().getOrDefault("dataDir", "default");
    Path dir;
    Map<String, String> sources = new LinkedHashMap<>(c.sources());
    if (source.equals("default")) {
      DataDirectory chosen = DataDirectory.byDefault(env, project());
      dir = chosen.path();
      sources.put("dataDir", chosen.source());
      dataDirReason = chosen.reason();
      if (env.terminal()) {
        chosen.moveHintOnce(env).ifPresent(env.err()::println);
      }
    } else {
      Path given = Path.of(c.config().dataDir());
      Path base = source.startsWith("file ") ? c.file().toAbsolutePath().getParent() : null;
      dir =
          base != null && !given.isAbsolute()
              ? base.resolve(given).normalize()
              : env.resolve(given);
      dataDirReason = "from " + source;
    }
    return new LoadedConfig(c.config().withDataDir(dir.toString()), sources, c.file());
  }

  /** The Smart Defaults engine on the configured store, opened on first use. */
  public SmartDefaults defaults() {
    if (defaults == null) {
      EngineSource.Lease lease = engines.lease(config(), env.clock());
      defaults = lease.engine();
      release = lease;
    }
    return defaults;
  }

  /**
   * The engine with its meters in {@code registry} (the service's Prometheus registry), opened for
   * this run whatever the engine source.
   */
  public SmartDefaults defaults(MeterRegistry registry) {
    if (defaults == null) {
      defaults = SmartDefaults.open(config().config(), env.clock(), registry);
      release = defaults;
    }
    return defaults;
  }

  /**
   * Sets one setting from a command's own flag (such as {@code serve --port}), at the flag layer;
   * must be called before the configuration is first loaded.
   */
  public void setOption(String path, String value, String flag) {
    if (loaded != null) {
      throw new IllegalStateException(
          "the configuration is already loaded; set " + path + " earlier");
    }
    options.put(path, value);
    flagNames.put(path, flag);
  }

  /** Who the changes of this invocation are attributed to: the OS user, via the CLI. */
  public Actor actor() {
    return new Actor(env.user("unknown") + "@cli", correlationId());
  }

  /**
   * The id of this invocation in logs and audit rows, which a failure message quotes so the person
   * can find its details in the log.
   */
  public String reference() {
    return correlationId();
  }

  /** The JSON log file of this invocation, once the configuration that names it is loaded. */
  public Optional<Path> logFile() {
    if (loaded == null) {
      return Optional.empty();
    }
    PlandevConfig c = loaded.config();
    return Optional.of(c.resolve(c.monitoring().logDir()).resolve(LogSetup.FILE_NAME));
  }

  /** The id of this invocation in logs and audit rows, made on first use. */
  private String correlationId() {
    if (correlationId == null) {
      correlationId = Actor.newCorrelationId();
    }
    return correlationId;
  }

  /** Gives the engine back (closing it, unless it came from a pool) if it was opened. */
  @Override
  public void close() {
    if (release != null) {
      AutoCloseable r = release;
      release = null;
      defaults = null;
      try {
        r.close();
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException("cannot close the engine", e);
      }
    }
  }

  void dataDir(Path dir) {
    dataDir = dir;
  }

  void configFile(Path file) {
    configFile = file;
  }

  void options(Map<String, String> given) {
    options.putAll(given);
  }

  void verbose(boolean on) {
    verbose |= on;
  }
}
