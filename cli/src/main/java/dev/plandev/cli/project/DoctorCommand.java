package dev.plandev.cli.project;

import dev.plandev.cli.invocation.Environment;
import dev.plandev.cli.invocation.Invocation;
import dev.plandev.cli.invocation.Project;
import dev.plandev.defaults.config.ConfigException;
import dev.plandev.defaults.config.PlandevConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plandev doctor}: checks what can go wrong on a machine — the Java version, the data
 * directory, the store's integrity, the key file's mode, Redis and PostgreSQL when enabled, the
 * templates, the folders of plans — and prints one line per check, with the fix when it failed.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check this machine: Java version, data directory writable, database integrity, key file",
      "mode, Redis and PostgreSQL when enabled, templates, plan folders. One line per check, with",
      "the fix when it fails. Exit 0 when every check passes, 1 otherwise."
    })
public final class DoctorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Folder of plans to check (repeatable; default: the project's roadmaps/plans, if any)")
  List<Path> roots = new ArrayList<>();

  @Override
  public Integer call() {
    Invocation invocation = Invocation.of(spec);
    Environment env = invocation.environment();
    Project project = invocation.project();
    List<CheckResult> results = new ArrayList<>();
    results.add(MachineChecks.java(Runtime.version()));
    PlandevConfig config = null;
    try {
      config = invocation.config().config();
      results.add(
          CheckResult.ok(
              "settings",
              invocation.config().file() == null
                  ? "built-in defaults (no plandev.yaml in " + project.root() + ")"
                  : invocation.config().file() + " is valid"));
    } catch (ConfigException e) {
      results.add(CheckResult.failed("settings", e.getMessage(), "correct that setting"));
    }
    if (config != null) {
      results.add(MachineChecks.dataDirectory(config.dataPath(), invocation.dataDirectoryReason()));
      results.add(MachineChecks.database(config, invocation::defaults));
      results.add(
          MachineChecks.keyFile(
              config,
              !config.security().encryptionKey().isEmpty()
                  || env.variables().containsKey("PLANDEV_SECURITY_ENCRYPTION_KEY")));
      results.add(MachineChecks.redis(config.redis()));
      results.add(MachineChecks.postgres(config.postgres()));
    }
    results.add(MachineChecks.templates(project.resolve(Project.TEMPLATES_DIR)));
    if (roots.isEmpty()) {
      results.add(MachineChecks.planRoot(project.resolve(Project.PLANS_DIR), false));
    } else {
      roots.forEach(r -> results.add(MachineChecks.planRoot(env.resolve(r), true)));
    }
    return print(results, spec.commandLine().getOut());
  }

  private static int print(List<CheckResult> results, PrintWriter out) {
    int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(8);
    results.forEach(r -> out.println(r.line(width)));
    long failed = results.stream().filter(r -> r.status() == CheckResult.Status.FAILED).count();
    out.println(
        failed == 0
            ? "every check passed"
            : failed
                + " of "
                + results.size()
                + " checks failed; fix them and run plandev doctor again");
    out.flush();
    return failed == 0 ? 0 : 1;
  }
}
