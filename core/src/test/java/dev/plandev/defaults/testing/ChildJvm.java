package dev.plandev.defaults.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class's {@code main} in a JVM of its own, on this test's JVM and classpath: a process a
 * test may kill, signal or run twice, which in-process threads cannot stand for.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** The child's stdout is the process's input stream; its stderr goes to this test's. */
  public static Process start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }
}
