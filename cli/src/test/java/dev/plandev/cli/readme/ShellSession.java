package dev.plandev.cli.readme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash process that runs commands one after the other, as a person typing them in a terminal
 * would: variables set by one ({@code KEY=$(...)}) are seen by the next. Each command's output goes
 * to files of its own; bash reports its exit code on its own stdout, which the session reads.
 */
final class ShellSession implements AutoCloseable {
  /** What a command printed and returned. */
  record Result(int code, String out, String err) {}

  /** A command left running in the background, with the stdin the session holds open for it. */
  record Background(long pid, Path out, Path err, OutputStream stdin) {
    boolean alive() {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    String output() {
      return read(out) + read(err);
    }
  }

  private static final String DONE = "::done ";
  private static final String STARTED = "::started ";

  private final Process bash;
  private final Writer script;
  private final Path files;
  private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
  private final List<Background> background = new ArrayList<>();
  private int count;

  /**
   * Starts bash in {@code workingDir} with exactly {@code environment}; command outputs go under
   * {@code files}.
   */
  ShellSession(Path workingDir, Map<String, String> environment, Path files) throws IOException {
    this.files = Files.createDirectories(files);
    ProcessBuilder pb =
        new ProcessBuilder("bash", "--noprofile", "--norc")
            .directory(workingDir.toFile())
            .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().putAll(environment);
    bash = pb.start();
    script = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(reports::add);
              } catch (IOException | UncheckedIOException e) {
                reports.add("::gone " + e.getMessage());
              }
            },
            "readme-shell");
    reader.setDaemon(true);
    reader.start();
  }

  /** Runs {@code command} to its end, with no stdin, and waits at most {@code patience}. */
  Result run(String command, Duration patience) throws IOException, InterruptedException {
    int n = ++count;
    Path out = files.resolve(n + ".out");
    Path err = files.resolve(n + ".err");
    send(
        "{ "
            + command
            + "\n} > "
            + quote(out)
            + " 2> "
            + quote(err)
            + " < /dev/null\necho \""
            + DONE
            + n
            + " $?\"\n");
    String report = await(DONE + n + " ", patience, command);
    int code = Integer.parseInt(report.substring((DONE + n + " ").length()).strip());
    return new Result(code, read(out), read(err));
  }

  /**
   * Starts {@code command} in the background with a stdin the session holds open (a named pipe), as
   * a terminal would; {@link #close} ends it.
   */
  Background start(String command, Duration patience) throws IOException, InterruptedException {
    int n = ++count;
    Path out = files.resolve(n + ".out");
    Path err = files.resolve(n + ".err");
    Path in = files.resolve(n + ".in");
    send(
        "mkfifo "
            + quote(in)
            + "\n{ "
            + command
            + "\n} > "
            + quote(out)
            + " 2> "
            + quote(err)
            + " < "
            + quote(in)
            + " &\necho \""
            + STARTED
            + n
            + " $!\"\n");
    String report = await(STARTED + n + " ", patience, command);
    long pid = Long.parseLong(report.substring((STARTED + n + " ").length()).strip());
    // Opening the pipe for writing waits until the command has opened it for reading.
    Background b = new Background(pid, out, err, Files.newOutputStream(in));
    background.add(b);
    return b;
  }

  private void send(String text) throws IOException {
    script.write(text);
    script.flush();
  }

  private String await(String prefix, Duration patience, String command)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (true) {
      String line = reports.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no end of '" + command + "' after " + patience);
      }
      if (line.startsWith(prefix)) {
        return line;
      }
      if (line.startsWith("::gone")) {
        throw new AssertionError("the shell ended while running '" + command + "'");
      }
    }
  }

  private static String quote(Path p) {
    return "'" + p.toString().replace("'", "'\\''") + "'";
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the background commands (their stdin first, then the processes) and the shell. */
  @Override
  public void close() {
    for (Background b : background) {
      try {
        b.stdin().close();
      } catch (IOException e) {
        // the command has gone already
      }
    }
    List<ProcessHandle> all = new ArrayList<>(bash.descendants().toList());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle p : all) {
      p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(e -> null).join();
      p.destroyForcibly();
    }
    bash.destroy();
    try {
      bash.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
