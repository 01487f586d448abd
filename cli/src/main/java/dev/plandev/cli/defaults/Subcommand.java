package dev.plandev.cli.defaults;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.defaults.SmartDefaults;
import dev.plandev.defaults.model.Context;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every {@code defaults} subcommand shares: the invocation, its streams and the context
 * option.
 */
abstract class Subcommand {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--context"},
      paramLabel = "FIELD=VALUE",
      description = "Context field, repeatable (e.g. -c project=web -c env=prod)")
  Map<String, String> context = new LinkedHashMap<>();

  Invocation invocation() {
    return Invocation.of(spec);
  }

  SmartDefaults defaults() {
    return invocation().defaults();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  Context context() {
    return Context.of(context);
  }
}
