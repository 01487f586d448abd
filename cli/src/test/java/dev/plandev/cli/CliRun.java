package dev.plandev.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the real command tree in-process with captured streams, for tests. */
public final class CliRun {
  /** What one run printed and returned. */
  public record Result(int code, String out, String err) {}

  private final Path workingDir;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemUTC();
  private String stdin = "";

  public CliRun(Path workingDir) {
    this.workingDir = workingDir;
    env.put("USER", "tester");
  }

  public CliRun env(String name, String value) {
    env.put(name, value);
    return this;
  }

  public CliRun clock(Clock c) {
    this.clock = c;
    return this;
  }

  public CliRun stdin(String text) {
    this.stdin = text;
    return this;
  }

  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Environment e =
        new Environment(
            Map.copyOf(env),
            workingDir,
            clock,
            new ByteArrayInputStream(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            false);
    int code = Plandev.run(e, args);
    return new Result(code, out.toString(), err.toString());
  }
}
