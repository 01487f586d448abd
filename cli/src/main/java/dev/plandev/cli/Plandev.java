package dev.plandev.cli;

import dev.plandev.cli.defaults.ConfigCommand;
import dev.plandev.cli.defaults.DefaultsCommand;
import dev.plandev.cli.invocation.EngineSource;
import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.GlobalOptions;
import dev.plandev.cli.invocation.Invocation;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code plandev} root command: the tree of subcommands, built with only the group that holds
 * the command to run, and the {@link Invocation} they share, closed when the command ends.
 */
@Command(
    name = "plandev",
    mixinStandardHelpOptions = true,
    versionProvider = Plandev.Version.class,
    description = "Development plans as Markdown, filled with smart defaults that learn.",
    synopsisSubcommandLabel = "COMMAND",
    abbreviateSynopsis = true,
    optionListHeading = "Global options (every command takes them, before or after its name):%n",
    commandListHeading = "%nCommands (plandev COMMAND --help tells more):%n",
    footerHeading = "%nExit codes:%n",
    footer = {
      "    0  success",
      "    1  failure (the command ran and found a problem)",
      "    2  usage error (a wrong option, path, task, template or answer)",
      "  130  interrupted (Ctrl-C)"
    })
public final class Plandev implements Runnable, AutoCloseable {
  private final Invocation invocation;
  @Spec CommandSpec spec;

  Plandev(Environment env) {
    this(env, EngineSource.PER_RUN);
  }

  private Plandev(Environment env, EngineSource engines) {
    this.invocation = new Invocation(env, engines);
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int run(Environment env, String... args) {
    return run(env, EngineSource.PER_RUN, args);
  }

  /**
   * Runs one command line with its engine from {@code engines} (the daemon keeps them open across
   * runs) and returns its exit code; never throws.
   */
  public static int run(Environment env, EngineSource engines, String... args) {
    Plandev root = new Plandev(env, engines);
    CommandLine cl = commandLine(root, GlobalOptions.commandName(args));
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
    GlobalOptions.addTo(cl, root.invocation);
    ErrorHandler errors = new ErrorHandler(root.invocation);
    cl.setOut(root.invocation.environment().out());
    cl.setErr(root.invocation.environment().err());
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  /**
   * The groups of subcommands, declared in the order {@code --help} lists them: the plan commands
   * first, since they are the daily use.
   */
  private enum Group {
    PLAN,
    GENERATE,
    DEFAULTS,
    SERVER,
    BACKUP,
    MCP,
    PROJECT,
    DAEMON,
    HELP;

    /** The order in which to look for a command: the groups that load the fewest classes first. */
    static final List<Group> CHEAPEST_FIRST =
        List.of(PLAN, PROJECT, GENERATE, DEFAULTS, BACKUP, MCP, SERVER, DAEMON);
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
      case BACKUP -> dev.plandev.cli.backup.BackupCommands.register(cl);
      case HELP -> cl.addSubcommand(new CommandLine.HelpCommand());
      case PLAN -> dev.plandev.cli.plan.PlanCommands.register(cl);
      case GENERATE -> dev.plandev.cli.generate.GenerateCommands.register(cl);
      case MCP -> dev.plandev.cli.mcp.McpCommands.register(cl);
      case PROJECT -> dev.plandev.cli.project.ProjectCommands.register(cl);
      case DAEMON -> dev.plandev.cli.daemon.DaemonCommand.register(cl, DaemonMain.class.getName());
      default -> throw new AssertionError(group);
    }
  }

  /** A root for this environment. */
  public static Plandev create(Environment env) {
    return new Plandev(env);
  }

  @Override
  public void run() {
    spec.commandLine().usage(invocation.environment().out());
  }

  @Override
  public void close() {
    invocation.close();
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
