package dev.plandev.cli.plan;

import picocli.CommandLine;

/**
 * Registers the plan commands (status, sync, check, uncheck, next, show, add, tag, find, lint,
 * report, history, watch) on the root {@code plandev} command.
 *
 * <p>Exit codes: 0 ok, 1 failure (stale progress under {@code sync --check}, lint errors, an
 * operation that failed), 2 usage error (bad option, file that is not a plan, unknown task).
 * Failures are thrown as {@code PlanException}s carrying their exit code; the root command's error
 * handler prints them.
 */
public final class PlanCommands {
  private PlanCommands() {}

  /** Adds every plan command to {@code root}. */
  public static void register(CommandLine root) {
    root.addSubcommand(new StatusCommand());
    root.addSubcommand(new SyncCommand());
    root.addSubcommand(new CheckCommand());
    root.addSubcommand(new UncheckCommand());
    root.addSubcommand(new NextCommand());
    root.addSubcommand(new ShowCommand());
    root.addSubcommand(new AddCommand());
    root.addSubcommand(new TagCommand());
    root.addSubcommand(new FindCommand());
    root.addSubcommand(new LintCommand());
    root.addSubcommand(new ReportCommand());
    root.addSubcommand(new HistoryCommand());
    root.addSubcommand(new WatchCommand());
  }
}
