package dev.plandev.deploy;

import dev.plandev.testing.Prerequisites;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool of the machine (promtool, amtool) that a test runs on a deployment file: its
 * exit code and what it printed. A missing tool skips the test with how to install it, and fails it
 * in CI.
 */
final class Tool {
  private final String name;

  /** What a run printed (stdout and stderr together) and how it exited. */
  record Result(int exitCode, String output) {}

  private Tool(String name) {
    this.name = name;
  }

  /**
   * The tool, found on the PATH, or a skip (a failure in CI) saying which Debian package has it.
   */
  static Tool require(String name, String debianPackage) {
    boolean present =
        List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")).stream()
            .anyMatch(dir -> Files.isExecutable(Path.of(dir, name)));
    Prerequisites.require(
        present, name + " is not installed; install it with apt-get install " + debianPackage);
    return new Tool(name);
  }

  /** Runs the tool with {@code args} in {@code dir}, waiting up to two minutes. */
  Result run(Path dir, String... args) {
    List<String> command = new java.util.ArrayList<>(List.of(name));
    command.addAll(List.of(args));
    try {
      Process p =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError(command + " did not finish within 2 minutes");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
