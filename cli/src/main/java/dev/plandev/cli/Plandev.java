package dev.plandev.cli;

import dev.plandev.cli.defaults.ConfigCommand;
import dev.plandev.cli.defaults.DefaultsCommand;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.config.ConfigLoader;
import dev.plandev.defaults.config.LoadedConfig;
import dev.plandev.defaults.model.Actor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code plandev} root command: global options, and the engine and configuration shared by the
 * subcommands of one invocation, opened lazily and closed when it ends.
 */
@Command(
    name = "plandev",
    mixinStandardHelpOptions = true,
    versionProvider = Plandev.Version.class,
    description = "Development plans as Markdown, filled with smart defaults that learn.",
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  success",
      "  1  failure (the command ran and found a problem)",
      "  2  usage error"
    })
public final class Plandev implements Runnable, AutoCloseable {

  @Option(
      names = "--data",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description = "Data directory (database, keys, logs). Default: data")
  Path dataDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description = "Configuration file. Default: plandev.json or plandev.yaml if present")
  Path configFile;

  @Option(
      names = {"-o", "--option"},
      paramLabel = "SECTION.KEY=VALUE",
      scope = ScopeType.INHERIT,
      description = "Override one setting, e.g. -o sqlite.synchronous=NORMAL")
  Map<String, String> options = new LinkedHashMap<>();

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces and debug logs")
  boolean verbose;

  private final Map<String, String> flagNames = new LinkedHashMap<>();
  private final Environment env;
  @Spec CommandSpec spec;
  private String correlationId;
  private LoadedConfig loaded;
  private SmartDefaults defaults;

  Plandev(Environment env) {
    this.env = env;
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int run(Environment env, String... args) {
    Plandev root = new Plandev(env);
    CommandLine cl = commandLine(root, commandName(args));
    try {
      return cl.execute(args);
    } finally {
      root.close();
      env.out().flush();
      env.err().flush();
    }
  }

  /** The configured command tree around a root (tests use it to run commands in-process). */
  public static CommandLine commandLine(Plandev root) {
    return commandLine(root, null);
  }

  /**
   * The command tree for running {@code command}: only the group of commands that holds it, or
   * every command when it is null or not found. Building a picocli command reflects over its class
   * and loads the types of its fields, so {@code status} must not pay for the HTTP server's or the
   * MCP server's classes (issue 6: whole-process time of short commands).
   */
  static CommandLine commandLine(Plandev root, String command) {
    CommandLine cl = null;
    if (command != null && !command.equals("help")) {
      // The cheapest groups are tried first; the first that has the command is enough.
      for (Group group : Group.CHEAPEST_FIRST) {
        cl = cl == null ? new CommandLine(root) : cl;
        register(cl, group);
        if (cl.getSubcommands().containsKey(command)) {
          break;
        }
      }
      if (!cl.getSubcommands().containsKey(command)) {
        cl = null; // unknown: the full tree, in help order, makes the usual error message
      }
    }
    if (cl == null) {
      cl = new CommandLine(root);
      for (Group group : Group.values()) {
        register(cl, group);
      }
    }
    ErrorHandler errors = new ErrorHandler(root);
    cl.setOut(root.env.out());
    cl.setErr(root.env.err());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /** The groups of subcommands, declared in the order {@code --help} lists them. */
  private enum Group {
    DEFAULTS,
    SERVER,
    HELP,
    PLAN,
    GENERATE,
    MCP;

    /** The order in which to look for a command: the groups that load the fewest classes first. */
    static final List<Group> CHEAPEST_FIRST = List.of(PLAN, GENERATE, DEFAULTS, MCP, SERVER);
  }

  private static void register(CommandLine cl, Group group) {
    switch (group) {
      case DEFAULTS -> {
        cl.addSubcommand(new DefaultsCommand());
        cl.addSubcommand(new ConfigCommand());
      }
      case SERVER -> {
        cl.addSubcommand(new dev.plandev.cli.serve.ServeCommand());
        cl.addSubcommand(new dev.plandev.cli.serve.KeysCommand());
      }
      case HELP -> cl.addSubcommand(new CommandLine.HelpCommand());
      case PLAN -> dev.plandev.cli.plan.PlanCommands.register(cl);
      case GENERATE -> dev.plandev.cli.generate.GenerateCommands.register(cl);
      case MCP -> dev.plandev.cli.mcp.McpCommands.register(cl);
      default -> throw new AssertionError(group);
    }
  }

  /**
   * The first argument that is neither an option nor the value of a root option: the subcommand to
   * run, or null when there is none.
   */
  static String commandName(String... args) {
    boolean optionValue = false;
    for (String arg : args) {
      if (optionValue) {
        optionValue = false;
      } else if (Set.of("--data", "--config", "-o", "--option").contains(arg)) {
        optionValue = true;
      } else if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return null;
  }

  /** A root for this environment. */
  public static Plandev create(Environment env) {
    return new Plandev(env);
  }

  public Environment environment() {
    return env;
  }

  public boolean verbose() {
    return verbose;
  }

  /** The effective configuration, loaded on first use; file logging starts with it. */
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
          new ConfigLoader(env.workingDir(), env.variables())
              .load(configFile == null ? null : env.resolve(configFile), flags, sources);
      if (!Path.of(c.config().dataDir()).isAbsolute()) {
        c =
            new LoadedConfig(
                c.config().withDataDir(env.resolve(Path.of(c.config().dataDir())).toString()),
                c.sources(),
                c.file());
      }
      loaded = c;
      MDC.put("correlationId", correlationId());
      LogSetup.terminal(env.terminal(), verbose);
      LogSetup.fileLogs(c.config(), verbose);
    }
    return loaded;
  }

  /** The Smart Defaults engine on the configured store, opened on first use. */
  public SmartDefaults defaults() {
    if (defaults == null) {
      defaults = SmartDefaults.open(config().config(), env.clock());
    }
    return defaults;
  }

  /** The engine with its meters in {@code registry} (the service's Prometheus registry). */
  public SmartDefaults defaults(io.micrometer.core.instrument.MeterRegistry registry) {
    if (defaults == null) {
      defaults = SmartDefaults.open(config().config(), env.clock(), registry);
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
    String user =
        env.variables().getOrDefault("USER", env.variables().getOrDefault("USERNAME", "unknown"));
    return new Actor(user + "@cli", correlationId());
  }

  /**
   * The id of this invocation in logs and audit rows, made on first use from {@link
   * ThreadLocalRandom} as a version-4 UUID: {@code UUID.randomUUID()} seeds a SecureRandom, which
   * costs every command start-up time, and the id needs to be unique, not unpredictable.
   */
  private String correlationId() {
    if (correlationId == null) {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      long high = (r.nextLong() & ~0xF000L) | 0x4000L;
      long low = (r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
      correlationId = new UUID(high, low).toString();
    }
    return correlationId;
  }

  @Override
  public void run() {
    spec.commandLine().usage(env.out());
  }

  @Override
  public void close() {
    if (defaults != null) {
      defaults.close();
      defaults = null;
    }
  }

  /** The version from the jar manifest, or {@code dev} when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Plandev.class.getPackage().getImplementationVersion();
      return new String[] {"plandev " + (v == null ? "dev" : v)};
    }
  }
}
