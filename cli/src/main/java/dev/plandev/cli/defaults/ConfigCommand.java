package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.Printer;
import dev.plandev.defaults.config.LoadedConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code plandev config}: the effective configuration. */
@Command(
    name = "config",
    description = "Inspect the effective configuration.",
    synopsisSubcommandLabel = "COMMAND",
    mixinStandardHelpOptions = true,
    subcommands = {ConfigCommand.Show.class})
public final class ConfigCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code plandev config show}. */
  @Command(
      name = "show",
      description = {
        "Print every setting with where it came from: default < file < env PLANDEV_SECTION_KEY",
        "< flag. Secrets are masked. The first lines say which project, configuration file and",
        "data directory apply, and why."
      },
      mixinStandardHelpOptions = true)
  static final class Show implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print as JSON: {path: {value, source}}")
    boolean json;

    @Override
    public Integer call() {
      Invocation invocation = Invocation.of(spec);
      LoadedConfig c = invocation.config();
      var out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (LoadedConfig.Setting s : c.settings()) {
          view.put(s.path(), Map.of("value", s.value(), "source", s.source()));
        }
        Printer.json(out, view);
        return 0;
      }
      out.println(
          "# project " + invocation.project().root() + " (" + invocation.project().reason() + ")");
      out.println(
          "# configuration file "
              + (c.file() == null
                  ? "none (no plandev.yaml in the project; plandev init makes one)"
                  : c.file()));
      out.println(
          "# data directory "
              + c.config().dataDir()
              + " ("
              + invocation.dataDirectoryReason()
              + ")");
      int width = c.settings().stream().mapToInt(s -> s.path().length()).max().orElse(10);
      for (LoadedConfig.Setting s : c.settings()) {
        out.printf("%-" + width + "s = %-40s # %s%n", s.path(), s.value(), s.source());
      }
      return 0;
    }
  }
}
