package dev.plandev.cli.plan;

import dev.plandev.cli.invocation.Invocation;
import dev.plandev.plans.PlanFiles;
import dev.plandev.plans.metadata.TaskState;
import dev.plandev.plans.search.TaskMatch;
import dev.plandev.plans.search.TaskQuery;
import dev.plandev.plans.search.TaskQuery.TagCondition;
import dev.plandev.plans.search.TaskSearch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code plandev find QUERY [PATH…]}: tasks whose text holds the query, across plans, as {@code
 * file:line id text}. Exits 1 when nothing matches, as grep does, so scripts can test for it.
 */
@Command(
    name = "find",
    description = {
      "Find tasks across plans by their text, ignoring case, accents and **emphasis**; prints"
          + " file:line id text.",
      "A folder stands for the Markdown plans (.md) under it.",
      "Exit 0 when tasks match, 1 when none do (said on stderr)."
    },
    mixinStandardHelpOptions = true)
final class FindCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "QUERY",
      description = "Words to find in task text; \"\" finds every task the options accept.")
  String query;

  @Parameters(
      index = "1..*",
      paramLabel = "PATH",
      description = "Plan files or folders (default: the working directory).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--status",
      paramLabel = "STATE",
      converter = StateConverter.class,
      description =
          "Only tasks in this state: open, done, in-progress, blocked, deferred or cancelled"
              + " (repeatable).")
  List<TaskState> states = new ArrayList<>();

  @Option(
      names = "--tag",
      paramLabel = "KEY:VALUE",
      converter = TagConverter.class,
      description =
          "Only tasks with this tag, e.g. --tag priority:high, --tag temps:2h; KEY: alone for any"
              + " value (repeatable, all must hold).")
  List<TagCondition> tags = new ArrayList<>();

  @Override
  public Integer call() {
    Path base = null;
    List<Path> roots = paths;
    if (roots.isEmpty()) {
      base = Invocation.of(spec).environment().workingDir();
      roots = List.of(base);
    }
    List<Path> files = PlanFiles.expand(roots);
    List<TaskMatch> found =
        TaskSearch.find(new TaskQuery(query, new HashSet<>(states), tags), files);
    PrintWriter out = spec.commandLine().getOut();
    for (TaskMatch match : found) {
      Path shown = base == null ? match.file() : base.relativize(match.file());
      out.println(new TaskMatch(shown, match.task()));
    }
    out.flush();
    if (found.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf("no task matches '%s' in %d plan file(s)%n", query, files.size());
      err.flush();
      return 1;
    }
    return 0;
  }

  /** Reads a state as {@code #status:} values are read (English or French, any case). */
  static final class StateConverter implements ITypeConverter<TaskState> {
    @Override
    public TaskState convert(String value) {
      return TaskState.parse(value)
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "expected open, done, in-progress, blocked, deferred or cancelled, got '"
                          + value
                          + "'"));
    }
  }

  /** Reads {@code key:value}, turning a malformed one into a usage error. */
  static final class TagConverter implements ITypeConverter<TagCondition> {
    @Override
    public TagCondition convert(String value) {
      try {
        return TagCondition.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
