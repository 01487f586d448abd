package dev.plandev.cli;

import dev.plandev.cli.invocation.Environment;
import java.util.ArrayList;
import java.util.List;

/** Starts the {@code plandev} command. */
public final class Main {
  /** Separates the command lines of a training run. */
  static final String THEN = "--then";

  private Main() {}

  public static void main(String[] args) {
    if (Boolean.getBoolean("plandev.training")) {
      System.exit(train(args));
    }
    System.exit(Plandev.run(Environment.system(), args));
  }

  /**
   * Runs several command lines, separated by {@value #THEN}, in this one JVM and returns the
   * highest exit code. The launcher uses it to make its start-up class archive ({@code
   * -XX:ArchiveClassesAtExit}): the archive holds the classes that one JVM loaded, so it must see
   * every kind of command that should start fast, and it is only kept when every line succeeded.
   */
  static int train(String... args) {
    int worst = 0;
    List<String> line = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals(THEN)) {
        worst = Math.max(worst, Plandev.run(Environment.system(), line.toArray(String[]::new)));
        line.clear();
      } else {
        line.add(arg);
      }
    }
    return Math.max(worst, Plandev.run(Environment.system(), line.toArray(String[]::new)));
  }
}
