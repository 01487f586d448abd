package dev.plandev.cli.invocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;

/**
 * The options every {@code plandev} command accepts ({@code --config}, {@code --data}, {@code -o},
 * {@code --verbose}), as a picocli mixin that writes them into the {@link Invocation} wherever on
 * the command line they stand: {@code plandev --data X defaults get k} and {@code plandev defaults
 * get k --data X} mean the same.
 *
 * <p>The root command's help documents them in full; in a subcommand's help they are hidden from
 * the synopsis and the option list and named in one line, so they are not repeated everywhere.
 */
public final class GlobalOptions {
  private static final String NAME = "globalOptions";
  private static final String HELP_SECTION = "globalOptions";

  private final Invocation invocation;

  private GlobalOptions(Invocation invocation) {
    this.invocation = invocation;
  }

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Configuration file. Default: plandev.yaml (or .json) of the project, found by walking"
              + " up to the git root")
  void configFile(Path file) {
    invocation.configFile(file);
  }

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Data directory (database, keys, logs). Default: $PLANDEV_DATA_DIR, else the per-user"
              + " one (~/.local/share/plandev); plandev config show says which")
  void dataDir(Path dir) {
    invocation.dataDir(dir);
  }

  @Option(
      names = {"-o", "--option"},
      paramLabel = "SECTION.KEY=VALUE",
      description = "Override one setting, e.g. -o sqlite.synchronous=NORMAL")
  void options(Map<String, String> given) {
    invocation.options(given);
  }

  @Option(names = "--verbose", description = "Show stack traces and debug logs")
  void verbose(boolean on) {
    invocation.verbose(on);
  }

  /**
   * The first argument that is neither an option nor the value of a global option: the subcommand
   * to run, or null when there is none.
   */
  public static String commandName(String... args) {
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

  Invocation invocation() {
    return invocation;
  }

  /** The global options of {@code command}, which {@link #addTo} gave it. */
  static GlobalOptions of(CommandSpec command) {
    CommandSpec mixin = command.mixins().get(NAME);
    if (mixin == null) {
      throw new IllegalStateException(
          "command '" + command.qualifiedName() + "' has no global options; build it with addTo");
    }
    return (GlobalOptions) mixin.userObject();
  }

  /**
   * Gives the root command and every subcommand under it the global options of {@code invocation}:
   * documented in full on the root, summed up in one line on the others. Call it once the command
   * tree is complete.
   */
  public static void addTo(CommandLine root, Invocation invocation) {
    CommandSpec documented = CommandSpec.forAnnotatedObject(new GlobalOptions(invocation));
    root.getCommandSpec().addMixin(NAME, documented);
    String summary = summary(documented.options());
    for (CommandLine sub : root.getSubcommands().values()) {
      addHidden(sub, invocation, summary);
    }
  }

  private static void addHidden(CommandLine command, Invocation invocation, String summary) {
    GlobalOptions options = new GlobalOptions(invocation);
    CommandSpec hidden = CommandSpec.wrapWithoutInspection(options);
    for (OptionSpec option : CommandSpec.forAnnotatedObject(options).options()) {
      hidden.addOption(option.toBuilder().hidden(true).build());
    }
    command.getCommandSpec().addMixin(NAME, hidden);
    // Through the spec: CommandLine.setHelpSectionKeys would also set them on every subcommand.
    UsageMessageSpec usage = command.getCommandSpec().usageMessage();
    List<String> sections = new ArrayList<>(usage.sectionKeys());
    sections.add(sections.indexOf(UsageMessageSpec.SECTION_KEY_OPTION_LIST) + 1, HELP_SECTION);
    usage.sectionKeys(sections);
    usage.sectionMap().put(HELP_SECTION, help -> summary);
    for (CommandLine sub : command.getSubcommands().values()) {
      addHidden(sub, invocation, summary);
    }
  }

  /** The options named in one line under a heading, as a subcommand's help shows them. */
  private static String summary(List<OptionSpec> options) {
    String nl = System.lineSeparator();
    return options.stream()
        .sorted(Comparator.comparing(o -> o.shortestName().replace("-", "")))
        .map(o -> o.arity().max() == 0 ? o.shortestName() : o.longestName() + "=" + o.paramLabel())
        .collect(Collectors.joining(", ", "Global options (see plandev --help):" + nl + "  ", nl));
  }
}
