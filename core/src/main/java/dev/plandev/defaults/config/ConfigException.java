package dev.plandev.defaults.config;

import dev.plandev.defaults.model.PlandevException;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configuration is unusable: an unknown key, a bad value or an unreadable file. */
public final class ConfigException extends PlandevException {
  private static final long serialVersionUID = 1L;

  /** The broken rules behind this exception; empty when it is about a key or a file. */
  private final List<ConfigProblem> problems;

  public ConfigException(String message) {
    super(message);
    this.problems = List.of();
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
    this.problems = List.of();
  }

  /** The configuration breaks every rule in {@code problems}; the message names them all. */
  ConfigException(List<ConfigProblem> problems) {
    this(problems, ConfigProblem::toString);
  }

  /** Like {@link #ConfigException(List)}, each problem told by {@code describe}. */
  ConfigException(List<ConfigProblem> problems, Function<ConfigProblem, String> describe) {
    super(
        "invalid configuration: "
            + problems.stream().map(describe).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  /** The broken rules, so that the loader can add the source of each value to the message. */
  List<ConfigProblem> problems() {
    return problems;
  }
}
