package dev.plandev.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Starts the {@code plandev} command. */
public final class Main {
  /** Separates the command lines of a training run. */
  static final String THEN = "--then";

  private Main() {}

  public static void main(String[] args) {
    if (Boolean.getBoolean("plandev.training")) {
      train(args);
      System.exit(0);
    }
    System.exit(Plandev.run(Environment.system(), args));
  }

  /**
   * Runs several command lines, separated by {@value #THEN}, in this one JVM. The launcher uses it
   * to make its start-up class archive ({@code -XX:ArchiveClassesAtExit}): the archive holds the
   * classes that one JVM loaded, so it must see every kind of command that should start fast.
   */
  static void train(String[] args) {
    List<String> line = new ArrayList<>();
    for (String arg : Arrays.asList(args)) {
      if (arg.equals(THEN)) {
        Plandev.run(Environment.system(), line.toArray(String[]::new));
        line.clear();
      } else {
        line.add(arg);
      }
    }
    Plandev.run(Environment.system(), line.toArray(String[]::new));
  }
}
